import { describe, expect, it } from 'vitest';
import { CourseSession } from '../../../../course/player/app/course-session.ts';
import type { AnswerRecord, ConnectionStatus, SaveKind, SaveReceipt, StateSource, Tracker, TrackerSession } from '../../../../course/runtime/tracker.ts';
import { StateHandover } from '../../../../course/runtime/session/state-handover.ts';
import { ManualClock } from '../../runtime/helpers/manual-clock.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { allScreenIds } from '../../../../course/player/logic/outcome.ts';
import { fixtureConfig } from '../fixture-course.ts';
import { courseRules } from '../../../../course/player/state/course-rules.ts';
import { provideCourseRules } from '../../../../course/player/state/rules.ts';

// In the player, the course's logic comes with its structure (app/course-parts.ts).
provideCourseRules(courseRules);

/**
 * Records every call, in order, as "method arg…" lines that are easy to assert on. It takes the player's state as a
 * real tracker does: through the runtime's handover, on a clock the test moves, and ends as the runtime does on
 * pagehide (the player's last words, the last state, then the end, in one turn).
 */
class FakeTracker implements Tracker {
  readonly standard = 'scorm12';
  readonly clock = new ManualClock();
  private readonly handover = new StateHandover(this.clock, (state, location, kind) => this.saveState(state, location, kind));
  private ending: Promise<void> | null = null;
  private going = false;
  readonly calls: string[] = [];
  readonly saved: { state: string; location: string; kind: SaveKind | undefined }[] = [];
  private readonly receipts: ((receipt: SaveReceipt) => void)[] = [];
  /** Where this tracker keeps a state it is handed (a real one: this browser until the LMS confirms). */
  keeps: SaveReceipt['where'] | null = 'this-browser';
  async start(): Promise<TrackerSession> {
    throw new Error('not used');
  }
  async saveState(state: string, location: string, kind?: SaveKind): Promise<void> {
    this.saved.push({ state, location, kind });
    this.calls.push(`saveState ${location}`);
    if (this.keeps) this.tell({ state, where: this.keeps });
  }
  /** The LMS confirms a state. */
  tell(receipt: SaveReceipt): void {
    for (const listener of this.receipts) listener(receipt);
  }
  onSaved(listener: (receipt: SaveReceipt) => void): void {
    this.receipts.push(listener);
  }
  recordProgress(sectionId: string, progress: number): void {
    this.calls.push(`recordProgress ${sectionId} ${progress}`);
  }
  recordAnswer(answer: { id: string; result: string }): void {
    this.calls.push(`recordAnswer ${answer.id} ${answer.result}`);
  }
  recordReflection(promptId: string, _prompt: string, text: string): void {
    this.calls.push(`recordReflection ${promptId} ${text}`);
  }
  recordVideo(event: { verb: string }): void {
    this.calls.push(`recordVideo ${event.verb}`);
  }
  setOutcome(outcome: { completed: boolean; progress: number }): void {
    this.calls.push(`setOutcome ${outcome.completed} ${outcome.progress.toFixed(2)}`);
  }
  attach(source: StateSource): void {
    this.handover.attach(source);
  }
  changed(kind: SaveKind): void {
    this.handover.changed(kind);
  }
  async flush(): Promise<void> {}
  exit(how: 'suspend' | 'finish'): Promise<void> {
    if (this.ending) return this.ending;
    const last = this.handover.last(this.going);
    const end = async () => {
      this.calls.push(`exit ${how}`);
    };
    this.ending = last.waiting && !this.going ? last.done.then(end) : end();
    return this.ending;
  }
  /** The browser's pagehide, as the runtime handles it. */
  pageHide(): Promise<void> {
    this.going = true;
    const how = this.ending ? null : this.handover.leaving();
    return how ? this.exit(how) : (this.ending ?? Promise.resolve());
  }
  onStatus(_listener: (status: ConnectionStatus) => void): void {}
}

const trackerSession = (mode: TrackerSession['mode'] = 'normal'): TrackerSession => ({
  learner: { id: 'l1', name: 'Sam Patel' },
  resumeState: null,
  mode,
  storage: 'learning-system',
});

function setUp(initial: LearnerState = emptyLearnerState('welcome'), mode: TrackerSession['mode'] = 'normal', keepSavedState = false) {
  const tracker = new FakeTracker();
  let clock = 0;
  const session = new CourseSession({
    config: fixtureConfig(),
    tracker,
    session: trackerSession(mode),
    initial,
    // A readable stand-in for the codec: the tests look at what was handed over, not at the compression.
    encode: (state) => JSON.stringify(state),
    now: () => clock,
    keepSavedState,
  });
  // The runtime's clock: a quiet second (at most five) after a change, the state is taken.
  const timers = { runAll: () => tracker.clock.advance(5000) };
  return { session, tracker, timers, tick: (ms: number) => (clock += ms) };
}

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('CourseSession', () => {
  it('lands on the first screen, marks it visited, reports and saves at once', async () => {
    const { session, tracker } = setUp();
    session.begin();
    await flushPromises();
    expect(tracker.calls).toEqual(['recordProgress intro 0.5', 'setOutcome false 0.11', 'saveState welcome']);
    expect(session.state.completedScreens).toEqual(['welcome']);
  });

  it('sets the initial outcome when landing changes nothing (resume on a screen with its own rule)', () => {
    const { session, tracker } = setUp({ ...emptyLearnerState('welcome'), location: 'check', completedScreens: ['welcome'] });
    session.begin();
    expect(tracker.calls).toEqual(['setOutcome false 0.11']);
  });

  it('debounces saves of changes within a screen, and saves at once on a screen change', async () => {
    const { session, tracker, timers } = setUp({ ...emptyLearnerState('welcome'), location: 'reflection' });
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'a' });
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'ab' });
    expect(tracker.saved).toHaveLength(0);
    await timers.runAll();
    await flushPromises();
    expect(tracker.saved).toHaveLength(1);
    expect(JSON.parse(tracker.saved[0]!.state).reflections).toEqual({ r1: 'ab' });
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'abc' });
    session.dispatch({ type: 'go-to', screenId: 'guide' });
    await flushPromises();
    expect(tracker.saved).toHaveLength(2);
    expect(tracker.saved[1]?.location).toBe('guide');
    expect(tracker.clock.pendingTimers).toBe(0);
  });

  it('records reflections when the learner leaves the reflection screen, once per change', () => {
    const { session, tracker } = setUp({ ...emptyLearnerState('welcome'), location: 'reflection' });
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'I will ask' });
    expect(tracker.calls.filter((c) => c.startsWith('recordReflection'))).toEqual([]);
    session.dispatch({ type: 'go-to', screenId: 'guide' });
    session.dispatch({ type: 'go-to', screenId: 'reflection' });
    session.dispatch({ type: 'go-to', screenId: 'guide' });
    expect(tracker.calls.filter((c) => c.startsWith('recordReflection'))).toEqual(['recordReflection r1 I will ask']);
  });

  it('tells the LMS the rating a learner settled on, not each point arrowed through, when the learner moves on', async () => {
    const { session, tracker, timers } = setUp({ ...emptyLearnerState('welcome'), location: 'confidence-before' });
    const rate = (itemId: string, rating: number) => session.dispatch({ type: 'rate-confidence', phase: 'before', itemId, rating, latencyMs: 0 });
    // Arrowing down the scale: 1, 2, 3 for the first item, then 2 and 4 for the second, which completes the screen.
    rate('c1', 1);
    rate('c1', 2);
    rate('c1', 3);
    rate('c2', 2);
    rate('c2', 4);
    // A quiet-moment save keeps the ratings in the saved state, but the LMS hears nothing yet, not even the progress.
    await timers.runAll();
    await flushPromises();
    expect(tracker.saved).toHaveLength(1);
    expect(tracker.calls.filter((c) => c.startsWith('record'))).toEqual([]);
    session.dispatch({ type: 'go-to', screenId: 'welcome' });
    // In the learner's order: both ratings as settled, the screen's progress, then what the move itself reports.
    expect(tracker.calls.filter((c) => c.startsWith('record')).slice(0, 3)).toEqual([
      'recordAnswer confidence-before.c1 neutral',
      'recordAnswer confidence-before.c2 neutral',
      'recordProgress intro 0.5',
    ]);
    expect(tracker.calls.filter((c) => c.startsWith('recordAnswer'))).toHaveLength(2);
  });

  it('tells a rating still held when the learner leaves the page, before the last save', async () => {
    const { session, tracker } = setUp({ ...emptyLearnerState('welcome'), location: 'confidence-before' });
    session.dispatch({ type: 'rate-confidence', phase: 'before', itemId: 'c1', rating: 5, latencyMs: 0 });
    await tracker.pageHide();
    expect(tracker.calls.slice(-3)).toEqual(['recordAnswer confidence-before.c1 neutral', 'saveState confidence-before', 'exit suspend']);
  });

  it('resumed on a confidence screen, tells its saved ratings once when the learner moves on (the last session may have ended before it could)', () => {
    const initial = { ...emptyLearnerState('welcome'), location: 'confidence-before', completedScreens: ['welcome'], confidence: { before: { c1: 4 }, after: {} } };
    const { session, tracker } = setUp(initial);
    session.begin();
    expect(tracker.calls.filter((c) => c.startsWith('recordAnswer'))).toEqual([]);
    session.dispatch({ type: 'go-to', screenId: 'welcome' });
    session.dispatch({ type: 'go-to', screenId: 'confidence-before' });
    session.dispatch({ type: 'go-to', screenId: 'welcome' });
    expect(tracker.calls.filter((c) => c.startsWith('recordAnswer'))).toEqual(['recordAnswer confidence-before.c1 neutral']);
  });

  it('makes a resumed screen\'s held rating when it tells it: the words that came after the session began are in it', () => {
    const config = fixtureConfig();
    const words = structuredClone(config.course.confidence);
    // The session begins with the course's structure; the confidence words come later, merged into it in place.
    config.course.confidence.items.forEach((item) => (item.statement = ''));
    config.course.confidence.scaleLabels.fill('');
    const tracker = new FakeTracker();
    const records: AnswerRecord[] = [];
    tracker.recordAnswer = (answer: AnswerRecord) => void records.push(answer);
    const initial = { ...emptyLearnerState('welcome'), location: 'confidence-before', completedScreens: ['welcome'], confidence: { before: { c1: 4 }, after: {} } };
    const session = new CourseSession({ config, tracker, session: trackerSession(), initial, encode: (state) => JSON.stringify(state), now: () => 0 });
    session.begin();
    Object.assign(config.course.confidence.items[0]!, { statement: words.items[0]!.statement });
    config.course.confidence.scaleLabels.splice(0, words.scaleLabels.length, ...words.scaleLabels);
    session.dispatch({ type: 'go-to', screenId: 'welcome' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: 'confidence-before.c1', description: words.items[0]!.statement, response: ['4'] });
    expect(records[0]!.choices).toEqual(words.scaleLabels.map((text, i) => ({ id: String(i + 1), text })));
  });

  it('adds the time spent in this session to the saved total', async () => {
    const { session, tracker, tick } = setUp({ ...emptyLearnerState('welcome'), secondsSpent: 100 });
    tick(61_500);
    session.dispatch({ type: 'go-to', screenId: 'confidence-before' });
    await flushPromises();
    expect(JSON.parse(tracker.saved[0]!.state).secondsSpent).toBe(161);
  });

  it('suspends when leaving mid-way: saves first, then exits, and only once', async () => {
    const { session, tracker } = setUp({ ...emptyLearnerState('welcome'), location: 'reflection' });
    session.dispatch({ type: 'reflect', promptId: 'r2', text: 'supervision' });
    await Promise.all([tracker.pageHide(), tracker.pageHide()]);
    expect(tracker.calls.slice(-3)).toEqual(['recordReflection r2 supervision', 'saveState reflection', 'exit suspend']);
    expect(session.ended).toBe(true);
    session.dispatch({ type: 'go-to', screenId: 'guide' });
    await flushPromises();
    expect(tracker.calls.at(-1)).toBe('exit suspend');
  });

  it('suspends a page left before the course structure has come, asking nothing of the shell it lacks', async () => {
    // A first launch: config.js's thin shell has later sections as ids and titles only (build/course-parts.ts).
    const config = fixtureConfig();
    for (const section of config.course.sections.slice(1)) section.screens = section.screens.map(({ id, type, title }) => ({ id, type, title }) as typeof section.screens[number]);
    const tracker = new FakeTracker();
    const session = new CourseSession({ config, tracker, session: trackerSession('normal'), initial: emptyLearnerState('welcome'), encode: (state) => JSON.stringify(state), hasStructure: () => false });
    expect(() => session.outcome).toThrow();
    await tracker.pageHide();
    expect(tracker.calls).toEqual(['saveState welcome', 'exit suspend']);
    expect(session.ended).toBe(true);
  });

  it('finishes when leaving a completed course', async () => {
    const done = { ...emptyLearnerState('welcome'), location: 'summary', completedScreens: allScreenIds(fixtureConfig().course) };
    const { session, tracker } = setUp(done);
    expect(session.outcome.completed).toBe(true);
    await tracker.pageHide();
    expect(tracker.calls.at(-1)).toBe('exit finish');
  });

  it('saves and reports nothing in review mode, but still ends the session', async () => {
    const { session, tracker, timers } = setUp(emptyLearnerState('welcome'), 'review');
    session.begin();
    session.dispatch({ type: 'answer', questionId: 'q1', optionIds: ['a'], latencyMs: 1 });
    await timers.runAll();
    await tracker.pageHide();
    expect(session.state.answers.q1).toEqual(['a']);
    expect(tracker.calls).toEqual(['exit suspend']);
    expect(session.lastSave).toEqual({ kind: 'not-saving' });
  });

  it('does not overwrite a state saved by a newer course version', async () => {
    const { session, tracker } = setUp(emptyLearnerState('welcome'), 'normal', true);
    session.begin();
    session.dispatch({ type: 'go-to', screenId: 'confidence-before' });
    await tracker.pageHide();
    expect(tracker.saved).toEqual([]);
    expect(session.reviewMode).toBe(false);
  });

  /** A session whose encoder waits for a codec that has not arrived, as stateEncoder does before the chunk loads. */
  function withCodecOnItsWay() {
    const tracker = new FakeTracker();
    let arrive: () => void = () => {};
    const codecHere = new Promise<void>((resolve) => (arrive = resolve));
    const session = new CourseSession({
      config: fixtureConfig(),
      tracker,
      session: trackerSession(),
      initial: emptyLearnerState('welcome'),
      encode: (state) => codecHere.then(() => JSON.stringify(state)),
    });
    return { session, tracker, arrive: () => arrive() };
  }

  it('saves in order while the codec is still arriving, and a finish waits for the last save', async () => {
    const { session, tracker, arrive } = withCodecOnItsWay();
    session.begin();
    session.dispatch({ type: 'go-to', screenId: 'confidence-before' });
    const finished = session.finish();
    await flushPromises();
    expect(tracker.saved).toEqual([]);
    expect(tracker.calls).not.toContain('exit finish');
    arrive();
    await finished;
    expect(tracker.saved.map((s) => s.location)).toEqual(['welcome', 'confidence-before', 'confidence-before']);
    expect(tracker.calls.at(-1)).toBe('exit finish');
  });

  it('on page hide before the codec arrives, ends the session at once and still hands over the state when it comes', async () => {
    const { session, tracker, arrive } = withCodecOnItsWay();
    session.begin();
    session.dispatch({ type: 'go-to', screenId: 'confidence-before' });
    await tracker.pageHide();
    // Nothing after pagehide is sure to run, so the LMS session is not left waiting on the codec…
    expect(tracker.calls.at(-1)).toBe('exit suspend');
    expect(tracker.saved).toEqual([]);
    // …and if the page lives on, the tracker still gets the final state (the runtime keeps it as the safety copy).
    arrive();
    await flushPromises();
    expect(tracker.saved.map((s) => s.location)).toEqual(['welcome', 'confidence-before', 'confidence-before']);
    expect(JSON.parse(tracker.saved.at(-1)!.state).location).toBe('confidence-before');
  });

  it('tells the tracker why it saves: a move, a pause in typing, or other work (the commit policy, issue 12.9/17.4)', async () => {
    const { session, tracker, timers } = setUp({ ...emptyLearnerState('welcome'), location: 'reflection' });
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'I will' });
    await timers.runAll();
    session.dispatch({ type: 'answer', questionId: 'q1', optionIds: ['a'], latencyMs: 1 });
    await timers.runAll();
    session.dispatch({ type: 'go-to', screenId: 'guide' });
    await flushPromises();
    expect(tracker.saved.map((s) => s.kind)).toEqual(['typing', 'work', 'move']);
  });

  it('on page hide with nothing changed since the last save, hands over the time spent only, as a "leave"', async () => {
    const { session, tracker, timers } = setUp({ ...emptyLearnerState('welcome'), location: 'reflection' });
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'a' });
    await timers.runAll();
    void tracker.pageHide();
    expect(tracker.saved.map((s) => s.kind)).toEqual(['typing', 'leave']);
  });

  it('ends the session within the same turn on page hide, with no promise between the save and the exit (issue 12.7)', () => {
    const { session, tracker } = setUp({ ...emptyLearnerState('welcome'), location: 'reflection' });
    session.dispatch({ type: 'reflect', promptId: 'r2', text: 'supervision' });
    void tracker.pageHide();
    // No await: on pagehide, nothing queued after the handler is sure to run.
    expect(tracker.calls.slice(-2)).toEqual(['saveState reflection', 'exit suspend']);
  });

  it('says where the last save is: on this page until the tracker keeps it, in this browser, then the learning system (issue 17.5)', async () => {
    const { session, tracker, timers } = setUp({ ...emptyLearnerState('welcome'), location: 'reflection' });
    tracker.keeps = null;
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'a' });
    await timers.runAll();
    expect(session.lastSave).toMatchObject({ kind: 'saved', where: 'this-page' });
    tracker.tell({ state: tracker.saved[0]!.state, where: 'this-browser' });
    expect(session.lastSave).toMatchObject({ kind: 'saved', where: 'this-browser' });
    tracker.tell({ state: tracker.saved[0]!.state, where: 'learning-system' });
    expect(session.lastSave).toMatchObject({ kind: 'saved', where: 'learning-system' });
    // A newer save is not "in the learning system" because an older one is.
    session.dispatch({ type: 'reflect', promptId: 'r1', text: 'ab' });
    await timers.runAll();
    tracker.tell({ state: tracker.saved[0]!.state, where: 'learning-system' });
    expect(session.lastSave).toMatchObject({ kind: 'saved', where: 'this-page' });
  });

  it('forwards video events while the session is open', async () => {
    const { session, tracker } = setUp();
    session.recordVideo({ verb: 'played', time: 0, progress: 0, playedSegments: '' });
    await tracker.pageHide();
    session.recordVideo({ verb: 'paused', time: 1, progress: 0, playedSegments: '' });
    expect(tracker.calls.filter((c) => c.startsWith('recordVideo'))).toEqual(['recordVideo played']);
  });
});
