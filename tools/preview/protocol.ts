// What the preview server and the LMS page say to each other: fault switches, launch plans, inspector log entries and
// the inspector's snapshot. Types only (the browser code imports them with `import type`), plus the fault defaults.

/** How the LRS fails when "LRS down" is on: answer 503, or drop the connection as a dead server would. */
export type LrsDownMode = 'off' | 'http-503' | 'refuse';

export interface Faults {
  /** SCORM: LMSCommit / Commit return "false" (error 101 in 1.2, 391 in 2004) and nothing is stored. */
  commitFails: boolean;
  /** SCORM: every API call fails and window.API / API_1484_11 is removed. xAPI: the session is forgotten (401). */
  lmsGone: boolean;
  lrsDown: LrsDownMode;
  /** Delay, in ms, before every package file, LRS response, cmi5 fetch and SCORM commit is answered. */
  slowMs: number;
}

export const NO_FAULTS: Readonly<Faults> = { commitFails: false, lmsGone: false, lrsDown: 'off', slowMs: 0 };

/** Longest delay the slow-network switch accepts: beyond a minute every client has long given up. */
export const MAX_SLOW_MS = 60_000;

/** "resume" keeps the attempt (CMI data / registration); "new-attempt" starts afresh. */
export type LaunchMode = 'resume' | 'new-attempt';

/** The cmi5 launch mode the LMS gives the AU in LMS.LaunchData (cmi5 section 10). */
export type Cmi5LaunchMode = 'Normal' | 'Browse' | 'Review';
export const CMI5_LAUNCH_MODES: readonly Cmi5LaunchMode[] = ['Normal', 'Browse', 'Review'];

export interface ScormLaunchPlan {
  /** The window property the LMS page must provide. */
  apiName: 'API' | 'API_1484_11';
  /** Values loaded into scorm-again before the SCO calls Initialize (flattened CMI element → value). */
  seed: Record<string, string>;
  /** Where scorm-again commits; the session number is part of it, so a late commit from an old session is told apart. */
  commitUrl: string;
  /** SCORM 1.2's smallest permitted maxima that scorm-again does not enforce (suspend_data 4,096 …) are enforced by the page. */
  strict12: boolean;
  /** Whose value checks SetValue applies beyond scorm-again's own: a strict LMS's (lms-profile.ts), or none. */
  typeChecks: 'moodle' | 'scorm-again';
}

export interface LaunchResponse {
  launchUrl: string;
  attempt: number;
  session: number;
  /** What the LMS decided that the tester should know (e.g. "SCORM 2004: exit was normal, so a new attempt begins"). */
  notices: string[];
  scorm: ScormLaunchPlan | null;
}

/** One SCORM API call as the LMS page saw it. */
export interface ApiCallRecord {
  method: string;
  args: string[];
  result: string;
  errorCode: string;
  /** GetErrorString of the error code, when the call failed. */
  errorText: string;
}

/** What the LMS page posts after SCORM API calls. */
export interface ScormCallBatch {
  session: number;
  calls: ApiCallRecord[];
  /** The data model as scorm-again holds it now (uncommitted values included). */
  values: Record<string, string> | null;
  warnings: PageWarning[];
}

/**
 * What the LMS page saw: a value over a limit ('limit') or of the wrong type ('refused'), a commit the browser would not send ('session'), both
 * faults of the package; or a note about the LMS's own doing ('note': the inspector logs it, it is no warning).
 */
export interface PageWarning {
  source: 'limit' | 'refused' | 'session' | 'note';
  text: string;
}

export type LogEntryBody =
  | ({ kind: 'api-call'; session: number } & ApiCallRecord)
  | {
      kind: 'commit';
      session: number;
      trigger: string;
      terminate: boolean;
      accepted: boolean;
      /** 0 when accepted; the SCORM error code the LMS returned otherwise. */
      errorCode: number;
      /** Elements whose committed value changed with this commit. */
      changed: string[];
      suspendDataLength: number;
    }
  /** A request to the LRS: the course's, or the LMS's own statement forwarded to a real LRS (`by: 'lms'`). */
  | { kind: 'xapi'; by: 'course' | 'lms'; method: string; resource: string; detail: string; status: number }
  | { kind: 'statement'; by: 'course' | 'lms'; statement: Record<string, unknown> }
  | { kind: 'lms'; text: string }
  | { kind: 'warning'; source: 'limit' | 'refused' | 'cmi5' | 'csp' | 'package' | 'session' | 'lrs'; text: string };

export type LogEntry = LogEntryBody & { seq: number; at: string };

export interface PackageSummary {
  id: string;
  fileName: string;
  title: string;
  standard: string;
  standardName: string;
  edition: string;
  launchHref: string;
  /** Facts about the package worth showing (more SCOs than the one launched, OwnWindow …). */
  notes: string[];
}

export interface ScormView {
  current: Record<string, string>;
  committed: Record<string, string>;
  commits: number;
  failedCommits: number;
  suspendDataLength: number;
  suspendDataLimit: number;
  totalTime: string;
  lastExit: string;
  entry: string;
}

export interface DocumentView {
  resource: 'state' | 'agent-profile' | 'activity-profile';
  id: string;
  activityId: string;
  registration: string;
  contentType: string;
  size: number;
  /** The document as text, cut at a few kilobytes for display. */
  text: string;
  updated: string;
}

export interface XapiView {
  registration: string;
  sessionId: string;
  sessionState: 'not launched' | 'launched' | 'initialized' | 'terminated' | 'abandoned';
  statementCount: number;
  documents: DocumentView[];
  /** cmi5 only: whether the LMS has judged the AU's moveOn criteria met. */
  satisfied: boolean | null;
  moveOn: string;
  /** Where statements go: null while the preview keeps them in memory, else the real LRS it forwards to. */
  lrs: LrsView | null;
}

/** The real LRS the preview forwards statements to (`--lrs`), as the inspector shows it. */
export interface LrsView {
  endpoint: string;
  state: 'not contacted yet' | 'answering' | 'unreachable' | 'refused';
  /** The LMS's own statements (launched, abandoned, satisfied) waiting for the LRS. */
  heldStatements: number;
  /** The last reason it could not be used ("connection refused …", "HTTP 401"), or "". */
  problem: string;
}

export interface InspectorSnapshot {
  package: PackageSummary;
  /** How strict this LMS is (lms-profile.ts). */
  lmsProfile: string;
  faults: Faults;
  attempt: { number: number; session: number; running: boolean };
  scorm: ScormView | null;
  xapi: XapiView | null;
  counts: { apiCalls: number; commits: number; statements: number; warnings: number };
  /** The log a page opening now is sent (log-retention.ts), and how many older entries were dropped to keep it small. */
  log: { kept: number; keptBytes: number; dropped: number; droppedWarnings: number };
}
