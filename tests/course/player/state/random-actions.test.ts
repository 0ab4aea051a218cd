// Replays seeded random action sequences through the course logic, on the real course and the test course, and pins
// everything the logic says of them: the state after each action, the reports the tracker hears, which screens are
// started, and each confidence rating's record. The pins were taken from the logic as it stood before the screen
// types moved into course/screen-types/ (issue 14.3, "no change in behaviour"); a change that alters any of it
// changes a hash. The actions are mostly ones the screens could send, with a share of stale and malformed ones.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import courseJson from '../../../../course/content/course.json' with { type: 'json' };
import type { Course, Screen } from '../../../../course/model/types.ts';
import type { PlayerAction } from '../../../../course/player/state/actions.ts';
import { courseRules } from '../../../../course/player/state/course-rules.ts';
import { reduceContext } from '../../../../course/player/state/rules.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { emptyLearnerState, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { mulberry32 } from '../../../../course/runtime/state/seeded-random.ts';
import { fixtureCourse } from '../fixture-course.ts';

const SEQUENCES = 400;
const ACTIONS_PER_SEQUENCE = 60;

function actionMaker(course: Course, random: () => number) {
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const screens: Screen[] = course.sections.flatMap((section) => section.screens);
  const ids = [...screens.map((screen) => screen.id), 'nowhere'];
  const ofType = <T extends Screen['type']>(type: T) => screens.filter((s): s is Extract<Screen, { type: T }> => s.type === type);
  const scenarios = ofType('scenario');
  const checks = ofType('knowledge-check');
  const questions = [...checks.flatMap((check) => check.questions), ...course.film.cuePoints.map((cue) => cue.question)];
  const prompts = ofType('reflection').flatMap((screen) => screen.prompts);
  const items = course.confidence.items.map((item) => item.id);
  const someOf = (list: readonly string[]) => list.filter(() => random() < 0.4);

  return (state: LearnerState): PlayerAction => {
    const roll = random();
    if (roll < 0.15) return { type: 'go-to', screenId: pick(ids) };
    if (roll < 0.4) {
      const screen = random() < 0.95 ? pick(scenarios) : pick(screens);
      const path = state.scenarioPaths[screen.id] ?? [];
      const last = path.at(-1);
      const steps = screen.type === 'scenario' ? screen.steps : [];
      // Mostly a choice of the step after the path's last (what the screen would offer), else any step's, else none.
      const after = steps.find((step) => (last ? step.choices.some((c) => c.id === last[1] && c.next === step.id) : screen.type === 'scenario' && step.id === screen.start));
      const choices = random() < 0.8 && after ? after.choices : steps.length > 0 ? pick(steps).choices : [];
      const choiceId = choices.length > 0 && random() < 0.95 ? pick(choices).id : 'not-a-choice';
      return { type: 'scenario-choose', screenId: screen.id, choiceId, latencyMs: Math.floor(random() * 5000) };
    }
    if (roll < 0.45) return { type: 'scenario-restart', screenId: random() < 0.9 ? pick(scenarios).id : pick(ids) };
    if (roll < 0.7) {
      const question = pick(questions);
      const options = question.options.map((option) => option.id);
      const optionIds = random() < 0.6 ? [pick(options)] : random() < 0.9 ? someOf(options) : [pick(options), 'not-an-option', pick(options)];
      return { type: 'answer', questionId: random() < 0.95 ? question.id : 'not-a-question', optionIds, latencyMs: Math.floor(random() * 5000) };
    }
    if (roll < 0.75) return { type: 'retake-check', screenId: random() < 0.9 && checks.length > 0 ? pick(checks).id : pick(ids) };
    if (roll < 0.82) {
      const texts = ['', 'A thought.', 'x'.repeat(5000), '  padded  ', 'Line one\nline two'];
      return { type: 'reflect', promptId: random() < 0.9 && prompts.length > 0 ? pick(prompts).id : 'not-a-prompt', text: pick(texts) };
    }
    if (roll < 0.92) {
      const rating = random() < 0.9 ? 1 + Math.floor(random() * course.confidence.scaleLabels.length) : pick([0, 2.5, 99]);
      return { type: 'rate-confidence', phase: random() < 0.5 ? 'before' : 'after', itemId: random() < 0.95 ? pick(items) : 'not-an-item', rating, latencyMs: Math.floor(random() * 5000) };
    }
    const duration = course.film.durationSeconds;
    const played: [number, number][] = [];
    for (let n = Math.floor(random() * 4); n > 0; n--) {
      const from = random() * duration * 1.1 - 2;
      played.push([from, from + random() * duration * 0.6]);
    }
    const film = ofType('film')[0];
    return { type: 'film-progress', screenId: film && random() < 0.9 ? film.id : pick(ids), position: random() * duration, played, watched: random() < 0.2 };
  };
}

/** The hash of everything the logic says over the sequences (and, to show a difference, the first lines of it). */
function transcript(course: Course, seed: number): { hash: string; lines: number; changed: Record<string, number> } {
  const rules = courseRules;
  const context = reduceContext(course, mapCourse(course));
  const random = mulberry32(seed);
  const next = actionMaker(course, random);
  const hash = createHash('sha256');
  let lines = 0;
  // How often each kind of action changed the state, and each kind of report was made: the sequences must reach them.
  const changed: Record<string, number> = {};
  const count = (key: string) => (changed[key] = (changed[key] ?? 0) + 1);
  const write = (value: unknown) => {
    hash.update(JSON.stringify(value));
    hash.update('\n');
    lines++;
  };
  for (let sequence = 0; sequence < SEQUENCES; sequence++) {
    let state = emptyLearnerState(context.map.entries[0]!.screen.id);
    for (let i = 0; i < ACTIONS_PER_SEQUENCE; i++) {
      const action = next(state);
      const applied = rules.applyAction(context, state, action);
      write({ action, same: applied.state === state, state: applied.state, reports: applied.reports });
      if (applied.state !== state) count(action.type);
      for (const report of applied.reports) count(`${report.kind} report`);
      state = applied.state;
    }
    write({
      started: context.map.entries.filter((entry) => rules.isScreenStarted(entry.screen, state)).map((entry) => entry.screen.id),
      outcome: rules.computeOutcome(course, state),
      ratings: (['before', 'after'] as const).flatMap((phase) =>
        [...course.confidence.items.map((item) => item.id), 'not-an-item'].map((itemId) => rules.ratingRecord(context, phase, itemId, 1 + (sequence % 5), sequence)),
      ),
    });
  }
  return { hash: hash.digest('hex'), lines, changed };
}

function expectEveryPathTaken(changed: Record<string, number>): void {
  const kinds = ['go-to', 'scenario-choose', 'scenario-restart', 'answer', 'retake-check', 'reflect', 'rate-confidence', 'film-progress'];
  for (const kind of [...kinds, 'answer report', 'progress report', 'outcome report']) expect(changed[kind] ?? 0, kind).toBeGreaterThan(50);
}

describe('the course logic over random actions', () => {
  it('says the same of the real course as before the screen types moved', () => {
    const { hash, lines, changed } = transcript(courseJson as unknown as Course, 143);
    expectEveryPathTaken(changed);
    expect({ hash, lines }).toEqual({ hash: '8f4e8a27b23dfb242b9b1fb72a5644c42d18f300338a2583a4eac81a4c72e912', lines: 24_400 });
  });

  it('says the same of the test course as before the screen types moved', () => {
    const { hash, lines, changed } = transcript(fixtureCourse(), 2026);
    expectEveryPathTaken(changed);
    expect({ hash, lines }).toEqual({ hash: 'e87a9c69d5bb1680b68496e89d13a4c584386b355f0c20038389ad7b6066558f', lines: 24_400 });
  });
});
