// The server half of the SCORM LMS: attempts and sessions, the commit endpoint scorm-again posts to, total time, and
// the record of every API call the LMS page reports. The data model itself runs in the page (scorm-again); this side
// keeps what a real LMS keeps between launches: the committed values, the last exit, the accumulated time.
import type { ScormLaunch } from '../../manifests/launch-target.ts';
import type { InspectorLog } from './inspector-log.ts';
import type { Faults, LaunchMode, LaunchResponse, ScormCallBatch, ScormView } from './protocol.ts';
import {
  SUSPEND_DATA_LIMIT,
  changedElements,
  commitFailureCode,
  committedValues,
  decideLaunch,
  elementsOf,
  freshAttempt,
  scormSeed,
  type ScormAttempt,
} from './scorm-data.ts';
import { formatIsoDuration, formatScorm12Timespan, parseIsoDuration, parseScorm12Timespan } from './scorm-time.ts';
import type { Strictness } from './lms-profile.ts';

interface ScormSession {
  number: number;
  open: boolean;
  entry: string;
  /** session_time and exit as last committed in this session. */
  sessionTime: string;
  exit: string;
  /** The SCO finished the session (LMSFinish / Terminate reached the LMS). */
  finished: boolean;
}

export interface CommitReply {
  status: number;
  body: { result: boolean; errorCode: number };
}

export class ScormLms {
  private attempt: ScormAttempt = freshAttempt(1);
  private session: ScormSession | null = null;
  private sessionCount = 0;
  private current: Record<string, string> = {};
  private commits = 0;
  private failedCommits = 0;
  private readonly elements;

  constructor(
    private readonly launch: ScormLaunch,
    private readonly log: InspectorLog,
    private readonly basePath: string,
    private readonly strictness: Strictness = { scorm: 'scorm-again', cmi5: 'report' },
  ) {
    this.elements = elementsOf(launch.dataModel);
  }

  get attemptNumber(): number {
    return this.attempt.number;
  }

  get sessionNumber(): number {
    return this.session?.number ?? 0;
  }

  get running(): boolean {
    return this.session?.open ?? false;
  }

  start(mode: LaunchMode, launchUrl: string): LaunchResponse {
    if (this.session?.open) this.end('a new launch replaced it');
    const decision = decideLaunch(this.launch.dataModel, mode, this.attempt);
    if (decision.startNewAttempt) this.attempt = freshAttempt(this.attempt.number + 1);
    this.attempt.sessions++;
    const number = ++this.sessionCount;
    this.session = { number, open: true, entry: decision.entry, sessionTime: '', exit: '', finished: false };
    const seed = scormSeed(this.launch, this.attempt, decision.entry);
    this.current = { ...seed };
    const notices = decision.notice ? [decision.notice] : [];
    this.log.append({ kind: 'lms', text: `Launched attempt ${this.attempt.number}, session ${number}: ${this.elements.entry} = "${decision.entry}"` });
    for (const notice of notices) this.log.append({ kind: 'lms', text: notice });
    return {
      launchUrl,
      attempt: this.attempt.number,
      session: number,
      notices,
      scorm: {
        apiName: this.launch.dataModel === '1.2' ? 'API' : 'API_1484_11',
        seed,
        commitUrl: `${this.basePath}/scorm/commit?session=${number}`,
        strict12: this.launch.dataModel === '1.2',
        typeChecks: this.strictness.scorm,
      },
    };
  }

  /** The session is over (the SCO finished, the LMS closed it, or a relaunch replaced it): add its time, keep its exit. */
  end(reason: string): void {
    const session = this.session;
    if (!session?.open) return;
    session.open = false;
    this.attempt.lastExit = session.exit;
    const spent = this.launch.dataModel === '1.2' ? parseScorm12Timespan(session.sessionTime) : parseIsoDuration(session.sessionTime);
    // Moodle adds session_time to total_time when the SCO finishes (LMSFinish / Terminate), never from a plain Commit.
    const counted = spent !== null && (session.finished || this.strictness.scorm !== 'moodle');
    if (counted) this.attempt.totalCentiseconds += spent;
    const total = this.launch.dataModel === '1.2' ? formatScorm12Timespan(this.attempt.totalCentiseconds) : formatIsoDuration(this.attempt.totalCentiseconds);
    const timeNote = session.sessionTime === '' ? 'no session_time was committed' : spent === null ? `session_time "${session.sessionTime}" is not a valid time span` : `session_time ${session.sessionTime}`;
    this.log.append({ kind: 'lms', text: `Session ${session.number} ended (${reason}); exit "${session.exit}", ${timeNote}; total time ${total}` });
    if (session.sessionTime !== '' && spent === null) this.log.append({ kind: 'warning', source: 'session', text: `${this.elements.sessionTime} "${session.sessionTime}" could not be read; it was not added to the total time` });
    // The LMS's own way, not a fault of the package: a SCO whose tab died could not finish (a SCO that lets a page
    // go without finishing shows as a refused or missing final commit in the e2e checks instead).
    if (spent !== null && !counted) {
      this.log.append({ kind: 'lms', text: `Session ${session.number} ended without ${this.launch.dataModel === '1.2' ? 'LMSFinish' : 'Terminate'}: like Moodle, this LMS adds session_time to ${this.elements.totalTime} only when the SCO finishes, so this session's time is not counted` });
    }
  }

  /** scorm-again's commit: store it (or fail it, when a fault says so). */
  commit(sessionNumber: number, final: boolean, trigger: string, body: unknown, faults: Readonly<Faults>): CommitReply {
    const failure = commitFailureCode(this.launch.dataModel);
    const session = this.session;
    const values = committedValues(body);
    const record = (accepted: boolean, errorCode: number, changed: string[]) =>
      this.log.append({
        kind: 'commit',
        session: sessionNumber,
        trigger,
        terminate: final,
        accepted,
        errorCode,
        changed,
        suspendDataLength: (values?.[this.elements.suspendData] ?? '').length,
      });

    if (faults.lmsGone) {
      this.failedCommits++;
      record(false, failure, []);
      return { status: 503, body: { result: false, errorCode: failure } };
    }
    if (!session || session.number !== sessionNumber || !session.open) {
      this.failedCommits++;
      record(false, failure, []);
      this.log.append({ kind: 'warning', source: 'session', text: `A commit for session ${sessionNumber} arrived after that session ended; the LMS refused it` });
      return { status: 200, body: { result: false, errorCode: failure } };
    }
    if (values === null) {
      this.failedCommits++;
      record(false, failure, []);
      this.log.append({ kind: 'warning', source: 'session', text: 'A commit body was not a JSON object; the LMS refused it' });
      return { status: 200, body: { result: false, errorCode: failure } };
    }
    if (faults.commitFails) {
      this.failedCommits++;
      record(false, failure, []);
      return { status: 200, body: { result: false, errorCode: failure } };
    }

    const changed = changedElements(this.attempt.committed, values);
    this.attempt.committed = values;
    this.commits++;
    session.sessionTime = values[this.elements.sessionTime] ?? session.sessionTime;
    session.exit = values[this.elements.exit] ?? session.exit;
    record(true, 0, changed);
    if (final) {
      session.finished = true;
      this.end(this.launch.dataModel === '1.2' ? 'the SCO called LMSFinish' : 'the SCO called Terminate');
    }
    return { status: 200, body: { result: true, errorCode: 0 } };
  }

  /** API calls reported by the LMS page, with the data model as scorm-again now holds it. */
  recordCalls(batch: ScormCallBatch): void {
    for (const call of batch.calls) this.log.append({ kind: 'api-call', session: batch.session, ...call });
    for (const warning of batch.warnings) {
      if (warning.source === 'note') this.log.append({ kind: 'lms', text: warning.text });
      else this.log.append({ kind: 'warning', source: warning.source, text: warning.text });
    }
    if (batch.values && batch.session === this.session?.number) {
      this.current = batch.values;
      this.log.changed();
    }
  }

  view(): ScormView {
    const suspendData = this.current[this.elements.suspendData] ?? this.attempt.committed[this.elements.suspendData] ?? '';
    return {
      current: this.current,
      committed: this.attempt.committed,
      commits: this.commits,
      failedCommits: this.failedCommits,
      suspendDataLength: suspendData.length,
      suspendDataLimit: SUSPEND_DATA_LIMIT[this.launch.dataModel],
      totalTime: this.launch.dataModel === '1.2' ? formatScorm12Timespan(this.attempt.totalCentiseconds) : formatIsoDuration(this.attempt.totalCentiseconds),
      lastExit: this.attempt.lastExit ?? '',
      entry: this.session?.entry ?? '',
    };
  }
}
