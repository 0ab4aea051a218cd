// The LMS half of a TinCan launch (Rustici's launch document, "Launch"): a registration per attempt and a launch URL
// carrying endpoint, auth (a ready-made Authorization value), actor, registration and activity_id. Unlike cmi5 there
// is no session protocol, so a session simply runs from one launch to the next or to "end the attempt".
import { randomBytes, randomUUID } from 'node:crypto';
import type { InspectorLog } from './inspector-log.ts';
import type { TincanLaunch } from '../../manifests/launch-target.ts';
import { tincanActor } from './learner.ts';
import type { Faults, LaunchMode, LaunchResponse, XapiView } from './protocol.ts';
import { documentView } from './xapi/documents.ts';
import { appendQuery, type XapiLmsSide } from './xapi/lms-side.ts';
import type { Credential, Lrs } from './xapi/lrs.ts';
import type { Statement } from './xapi/statement-store.ts';

const TERMINATED = 'http://adlnet.gov/expapi/verbs/terminated';

interface Registration {
  id: string;
  number: number;
  auth: string;
}

export class TincanLms implements XapiLmsSide {
  private registration: Registration | null = null;
  private registrationCount = 0;
  private sessionCount = 0;
  private open = false;
  /** The course said "terminated" about itself in this session: only then does the view say the session ended so. */
  private terminated = false;
  private readonly credentials = new Map<string, Registration>();

  constructor(
    private readonly descriptor: TincanLaunch,
    private readonly lrs: Lrs,
    private readonly log: InspectorLog,
    private readonly basePath: string,
    private readonly faults: () => Readonly<Faults>,
  ) {}

  get attemptNumber(): number {
    return this.registration?.number ?? 0;
  }

  get sessionNumber(): number {
    return this.sessionCount;
  }

  get running(): boolean {
    return this.open;
  }

  async start(mode: LaunchMode, origin: string): Promise<LaunchResponse> {
    if (this.open) await this.end('a new launch replaced it');
    if (mode === 'new-attempt' || !this.registration) {
      const number = ++this.registrationCount;
      const auth = `Basic ${Buffer.from(`preview-registration-${number}:${randomBytes(12).toString('hex')}`).toString('base64')}`;
      this.registration = { id: randomUUID(), number, auth };
      this.credentials.set(auth, this.registration);
    }
    const registration = this.registration;
    this.sessionCount++;
    this.open = true;
    this.terminated = false;
    const launchUrl = appendQuery(`${origin}${this.basePath}/content/${this.descriptor.href}`, [
      ['endpoint', `${origin}${this.basePath}/xapi/`],
      ['auth', registration.auth],
      ['actor', JSON.stringify(tincanActor())],
      ['registration', registration.id],
      ['activity_id', this.descriptor.activityId],
    ]);
    this.log.append({ kind: 'lms', text: `Launched registration ${registration.number} (${registration.id}), session ${this.sessionCount}` });
    return { launchUrl, attempt: registration.number, session: this.sessionCount, notices: [], scorm: null };
  }

  async end(reason: string): Promise<void> {
    if (!this.open) return;
    this.open = false;
    this.log.append({ kind: 'lms', text: `Session ${this.sessionCount} ended (${reason})` });
  }

  authorize(header: string | undefined): Credential | null {
    if (header === undefined || this.faults().lmsGone) return null;
    const registration = this.credentials.get(header.trim());
    return registration ? { label: `registration ${registration.number}`, sessionId: null } : null;
  }

  async afterStore(statements: readonly Statement[]): Promise<void> {
    // TinCan launch has no statement rules for the LMS to enforce; it only notes whether the course ended its session.
    const ends = (statement: Statement): boolean =>
      (statement.verb as { id?: unknown } | undefined)?.id === TERMINATED && (statement.object as { id?: unknown } | undefined)?.id === this.descriptor.activityId;
    if (this.open && statements.some(ends)) this.terminated = true;
  }

  view(): XapiView {
    return {
      registration: this.registration?.id ?? '',
      sessionId: '',
      // What the statements show, not the window: "terminated" only once the course said so; a session that closed
      // without saying so is "abandoned", as a cmi5 LMS would record it.
      sessionState: this.sessionCount === 0 ? 'not launched' : this.terminated ? 'terminated' : this.open ? 'launched' : 'abandoned',
      statementCount: this.log.counts.statements,
      documents: this.lrs.documents.all().map(documentView),
      satisfied: null,
      moveOn: '',
      lrs: this.lrs.upstreamView(),
    };
  }
}
