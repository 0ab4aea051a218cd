// The one tracking interface the player uses. Each standard is an adapter behind it (course/runtime/adapters/);
// no Preact component touches an LMS API or an LRS.

export interface Learner {
  /** The LMS's learner id, or null when there is none (standalone). */
  id: string | null;
  /** Display name from the LMS (SCORM "Last, First" already turned into "First Last"), or null. */
  name: string | null;
}

export type LaunchMode = 'normal' | 'browse' | 'review';

export interface TrackerSession {
  learner: Learner;
  /** Saved learner state from an earlier session (the encoded string), or null on a first launch. */
  resumeState: string | null;
  mode: LaunchMode;
  /** Where the learner's progress is kept (the player says it in the learner's language). */
  storage: ProgressStorage;
}

/** The LMS or LRS; this browser only (no LMS); this page only (no LMS, and the browser keeps nothing). */
export type ProgressStorage = 'learning-system' | 'this-browser' | 'this-page';

export interface AnswerRecord {
  /** Stable interaction id, e.g. "scenario-ed-overshadowing.step-1". */
  id: string;
  type: 'choice' | 'fill-in' | 'long-fill-in' | 'likert';
  /** Text of the question, for the LMS's description field. */
  description: string;
  /** Option ids chosen (choice, likert) or the text (fill-in). */
  response: string[];
  /** Correct option ids, where the question has a right answer. */
  correct?: string[];
  result: 'correct' | 'incorrect' | 'neutral';
  /** Milliseconds from showing the question to the answer. */
  latencyMs: number;
  /**
   * The question's options in course order, as the player had them when the answer was given (choice: its options;
   * likert: "1".."n" and the scale's labels; free text: none). SCORM 1.2 names a chosen option by its position among
   * them and xAPI lists them in the interaction's definition, so no standard has to find the question again.
   */
  choices: AnswerChoice[];
}

/** One option of a question as an answer carries it (answer-choices.ts makes them from the course). */
export interface AnswerChoice {
  id: string;
  text: string;
}

export interface VideoEvent {
  verb: 'played' | 'paused' | 'seeked' | 'completed';
  /** Position in seconds. */
  time: number;
  /** For seeked: where the seek started. */
  from?: number;
  /** Share of the film actually played, 0..1. */
  progress: number;
  /** Played ranges in seconds, "start[.]end" pairs as the xAPI Video Profile writes them. */
  playedSegments: string;
}

export interface Outcome {
  completed: boolean;
  /** null while no pass/fail has been decided. */
  passed: boolean | null;
  /** Score as 0..1, or null when not scored yet. */
  scaled: number | null;
  /** Share of the course done, 0..1. */
  progress: number;
}

/**
 * Why the player hands over a state, which decides how soon the LMS hears of it (the commit policy,
 * course/runtime/README.md): a move to another screen, a pause in typing (text no one can redo), other work on the
 * same screen (answers, ratings, the film's position), or the page going with nothing changed since the last save
 * but the time spent ('leave').
 */
export type SaveKind = 'move' | 'typing' | 'work' | 'leave';

/** Where a saved state is kept: the LMS has confirmed it, a copy is in this browser, or it is only on this page. */
export type SavedWhere = 'learning-system' | 'this-browser' | 'this-page';

export interface SaveReceipt {
  /** The encoded state this receipt is for. */
  state: string;
  where: SavedWhere;
}

/**
 * Why the learner's latest work has not reached the LMS or LRS, as codes: the player words them (its string
 * catalogue), so the runtime carries no language. `detail` is the LMS's or LRS's own technical answer (an error code
 * and its text, an HTTP status), shown in brackets for whoever the learner asks for help.
 */
export type StatusProblem =
  /** No answer (yet): retried with backoff. */
  | { kind: 'unreachable' }
  /** The LMS/LRS answered but did not take the work. */
  | { kind: 'refused'; detail: string }
  /** SCORM: Initialize failed; the course carries on and sends the work once the LMS answers. */
  | { kind: 'not-started'; detail: string }
  /** The LMS/LRS now holds progress from another session (the learner carried on elsewhere): this one stops sending. */
  | { kind: 'other-session' }
  /** The saved state is longer than the LMS can store. */
  | { kind: 'too-large'; length: number; limit: number }
  /** Standalone: this browser refused to keep the progress (storage full or blocked). */
  | { kind: 'browser-refused' }
  /** Launched for an LMS, but the course could not connect to it: nothing is recorded there this time. */
  | { kind: 'not-connected'; reason: LaunchFailure; detail: string }
  /** The player: the part of the course that saves (the state codec) could not be loaded; it tries again. */
  | { kind: 'saver-not-loaded' };

/** Why a launch could not connect (cmi5's sign-in and launch data; anything else is 'other'). */
export type LaunchFailure = 'no-answer' | 'link-used' | 'sign-in-refused' | 'launch-data-unreadable' | 'launch-data-invalid' | 'other';

/** The result of talking to the LMS/LRS, so the player can tell the learner honestly where their work is. */
export type ConnectionStatus =
  | { state: 'connected' }
  | { state: 'standalone' }
  /** `keptLocally`: a copy of the work is in this browser (else only on this page). */
  | { state: 'retrying'; problem: StatusProblem; keptLocally: boolean }
  | { state: 'failed'; problem: StatusProblem; keptLocally: boolean };

/** A state handed to the tracker: the encoded learner state and its location (the screen id). */
export interface HandedState {
  state: string;
  location: string;
}

/**
 * The player's side of saving. The runtime owns the timing and the page's lifecycle: it asks for the state when its
 * clock says so (after `changed`), when the page is hidden, and when the session ends.
 */
export interface StateSource {
  /**
   * The learner's state as it is now, encoded; a promise while the encoder is still loading; null when nothing may be
   * saved (review mode, a state saved by a newer course version).
   */
  current(): HandedState | Promise<HandedState> | null;
  /**
   * pagehide: the player tells the tracker what it still holds (reflections, ratings) and says how the session ends.
   * The runtime then takes the last state and ends the session, in the same turn.
   */
  leaving(): 'suspend' | 'finish';
}

export interface Tracker {
  readonly standard: string;
  start(): Promise<TrackerSession>;
  /** Hands the runtime the player's state (see StateSource); from now on the runtime takes it on its own clock. */
  attach(source: StateSource): void;
  /**
   * The learner's state changed, and why: a move is taken at once; typing and other work a quiet second after the
   * last change, and at least every 5 s of non-stop change (session/state-handover.ts).
   */
  changed(kind: SaveKind): void;
  /**
   * Save the encoded learner state (and the location, e.g. the screen id). `kind` says why (default: a move when the
   * location changed, else work), which sets how soon it is committed.
   */
  saveState(state: string, location: string, kind?: SaveKind): Promise<void>;
  recordProgress(sectionId: string, progress: number): void;
  recordAnswer(answer: AnswerRecord): void;
  /** Only reported where the variant opts in to sharing reflections; always kept in saved state. */
  recordReflection(promptId: string, prompt: string, text: string): void;
  recordVideo(event: VideoEvent): void;
  setOutcome(outcome: Outcome): void;
  /** Send what is pending now (commit). */
  flush(): Promise<void>;
  /**
   * End the session: 'suspend' keeps the attempt open for resume, 'finish' closes it. The attached source's last state
   * is taken first (waited for while its encoder loads, unless the page is going).
   */
  exit(how: 'suspend' | 'finish'): Promise<void>;
  onStatus(listener: (status: ConnectionStatus) => void): void;
  /** Hears where each saved state is kept: first this browser (or this page), then the LMS once it confirms it. */
  onSaved(listener: (receipt: SaveReceipt) => void): void;
}
