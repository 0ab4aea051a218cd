// The LMS half of a cmi5 launch (Quartz sections 8-11): a registration per attempt, a session per launch with its
// one-time fetch URL and auth token, LMS.LaunchData and cmi5LearnerPreferences written before launch, the
// "launched" statement, "abandoned" when a session ends without "terminated", and "satisfied" once moveOn is met.
// Every statement the AU sends is checked against the cmi5 rules; what breaks them shows in the inspector.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { InspectorLog } from '../inspector-log.ts';
import type { Cmi5Launch as Cmi5Descriptor } from '../../../manifests/launch-target.ts';
import { LMS_IRI_BASE, PREVIEW_LEARNER, cmi5Actor } from '../learner.ts';
import type { Strictness } from '../lms-profile.ts';
import type { Cmi5LaunchMode, Faults, LaunchMode, LaunchResponse, XapiView } from '../protocol.ts';
import { formatIsoDuration } from '../scorm-time.ts';
import { agentKey } from '../xapi/agents.ts';
import { documentView, type DocumentScope } from '../xapi/documents.ts';
import { appendQuery, type XapiLmsSide } from '../xapi/lms-side.ts';
import { LAUNCH_DATA_ID, type Credential, type GateRefusal, type GateRequest, type Lrs } from '../xapi/lrs.ts';
import type { Statement } from '../xapi/statement-store.ts';
import { cmi5Problems, emptyHistory, isCmi5Defined, moveOnMet, recordInHistory, sameJson, type Cmi5History } from './rules.ts';
import { ACTIVITY_TYPE, CATEGORY, EXTENSION, VERB, verbName } from './vocabulary.ts';

const LEARNER_PREFERENCES_ID = 'cmi5LearnerPreferences';
/**
 * How long the LMS waits for "terminated" before it records "abandoned". An AU sends "terminated" as its page goes away,
 * usually with fetch keepalive, and that request may still be on its way when the LMS closes the session.
 */
export const DEFAULT_TERMINATE_GRACE_MS = 1500;

interface Registration {
  id: string;
  number: number;
  /** cmi5 defined verbs the AU has sent in this registration. */
  definedVerbs: string[];
  satisfied: boolean;
}

type SessionState = 'launched' | 'initialized' | 'terminated' | 'abandoned';

interface Session {
  id: string;
  number: number;
  fetchToken: string;
  authToken: string;
  fetched: boolean;
  state: SessionState;
  launchedAt: number;
  lastStatementAt: number;
  history: Cmi5History;
  launchMode: Cmi5LaunchMode;
  /** The AU has read cmi5LearnerPreferences (11.0.0.0-3). */
  preferencesRead: boolean;
}

export interface FetchReply {
  status: number;
  body: Record<string, string>;
}

export class Cmi5Lms implements XapiLmsSide {
  private registration: Registration | null = null;
  private registrationCount = 0;
  private session: Session | null = null;
  private sessionCount = 0;
  private readonly sessionsByFetch = new Map<string, Session>();
  private readonly sessionsByAuth = new Map<string, Session>();
  /** Called when a "terminated" arrives (end() waits for one). */
  private terminatedWaiters: Array<() => void> = [];
  /** The LMS's own ids: cmi5 requires they differ from the publisher's ids in cmi5.xml. */
  readonly activityId: string;
  private readonly courseActivityId: string;

  constructor(
    private readonly descriptor: Cmi5Descriptor,
    private readonly lrs: Lrs,
    private readonly log: InspectorLog,
    private readonly basePath: string,
    private readonly faults: () => Readonly<Faults>,
    private readonly terminateGraceMs = DEFAULT_TERMINATE_GRACE_MS,
    private readonly strictness: Strictness = { scorm: 'scorm-again', cmi5: 'report' },
  ) {
    this.activityId = `${LMS_IRI_BASE}/au/${shortHash(descriptor.auId)}`;
    this.courseActivityId = `${LMS_IRI_BASE}/course/${shortHash(descriptor.courseId || descriptor.auId)}`;
  }

  get attemptNumber(): number {
    return this.registration?.number ?? 0;
  }

  get sessionNumber(): number {
    return this.session?.number ?? 0;
  }

  get running(): boolean {
    return this.session !== null && (this.session.state === 'launched' || this.session.state === 'initialized');
  }

  /**
   * The actor as this LMS sends it in the launch URL. A strict LMS sends it without objectType, as some LMSs do, and
   * then holds the AU to that exact object.
   */
  get launchActor(): Record<string, unknown> {
    const actor = cmi5Actor();
    if (this.strictness.cmi5 === 'catapult') delete actor.objectType;
    return actor;
  }

  async start(mode: LaunchMode, origin: string, launchMode: Cmi5LaunchMode = 'Normal'): Promise<LaunchResponse> {
    if (this.running) await this.end('a new launch replaced it');
    const notices: string[] = [];
    if (mode === 'new-attempt' || !this.registration) await this.newRegistration();
    const registration = this.registration!;

    const session: Session = {
      id: randomUUID(),
      number: ++this.sessionCount,
      fetchToken: randomBytes(18).toString('base64url'),
      // The token goes into "Authorization: Basic <token>", so it is shaped like Basic credentials.
      authToken: Buffer.from(`cmi5-session-${this.sessionCount}:${randomBytes(12).toString('hex')}`).toString('base64'),
      fetched: false,
      state: 'launched',
      launchedAt: Date.now(),
      lastStatementAt: Date.now(),
      history: emptyHistory(),
      launchMode,
      preferencesRead: false,
    };
    this.session = session;
    this.sessionsByFetch.set(session.fetchToken, session);
    this.sessionsByAuth.set(`Basic ${session.authToken}`, session);

    const auUrl = `${origin}${this.basePath}/content/${this.descriptor.href}`;
    this.writeLaunchData(registration, session, origin, launchMode);
    this.ensureLearnerPreferences();
    await this.lrs.storeAsLms(
      this.statement(VERB.launched, registration, session.id, {
        extensions: {
          [EXTENSION.launchMode]: launchMode,
          [EXTENSION.launchUrl]: auUrl.replace(/[?#].*$/, ''),
          [EXTENSION.moveOn]: this.descriptor.moveOn,
          ...(this.descriptor.launchParameters === null ? {} : { [EXTENSION.launchParameters]: this.descriptor.launchParameters }),
          ...(this.descriptor.masteryScore === null ? {} : { [EXTENSION.masteryScore]: this.descriptor.masteryScore }),
        },
      }),
    );
    const launchUrl = appendQuery(auUrl, [
      ['endpoint', `${origin}${this.basePath}/xapi/`],
      ['fetch', `${origin}${this.basePath}/cmi5/fetch/${session.fetchToken}`],
      ['actor', JSON.stringify(this.launchActor)],
      ['registration', registration.id],
      ['activityId', this.activityId],
    ]);
    this.log.append({ kind: 'lms', text: `Launched registration ${registration.number} (${registration.id}), session ${session.number} (${session.id}), launch mode ${launchMode}` });
    return { launchUrl, attempt: registration.number, session: session.number, notices, scorm: null };
  }

  /** The one-time fetch URL: the auth token the first time, cmi5 error codes after (always HTTP 200, section 8.2.2). */
  fetch(token: string): FetchReply {
    const session = this.sessionsByFetch.get(token);
    const refuse = (code: string, text: string): FetchReply => {
      this.log.append({ kind: 'lms', text: `fetch refused (error-code ${code}): ${text}` });
      return { status: 200, body: { 'error-code': code, 'error-text': text } };
    };
    if (!session) return refuse('2', 'this fetch URL was not issued by the LMS');
    if (this.faults().lmsGone) return refuse('1', 'the LMS no longer knows this session (fault: LMS gone)');
    if (session.fetched) return refuse('1', 'the authorization token has already been returned');
    if (session.state === 'abandoned' || session.state === 'terminated') return refuse('1', 'the session has ended');
    session.fetched = true;
    this.log.append({ kind: 'lms', text: `fetch: auth-token returned for session ${session.number}` });
    return { status: 200, body: { 'auth-token': session.authToken } };
  }

  authorize(header: string | undefined): Credential | null {
    if (header === undefined || this.faults().lmsGone) return null;
    const session = this.sessionsByAuth.get(header.trim());
    // After "abandoned" the LMS must not record more statements for the session (9.3.6).
    if (!session || !session.fetched || session.state === 'abandoned') return null;
    return { label: `cmi5 session ${session.number}`, sessionId: session.id };
  }

  /**
   * What a strict LMS (catapult-strict) refuses, before it answers; under any profile it notes the AU reading its
   * learner preferences. The requirement ids are those of ADL's cmi5 conformance suite.
   */
  gate(request: GateRequest): GateRefusal | null {
    const session = this.sessionOf(request.credential);
    if (!session) return null;
    if (request.resource === 'agents/profile' && request.method === 'GET' && request.url.searchParams.get('profileId') === LEARNER_PREFERENCES_ID) session.preferencesRead = true;
    if (this.strictness.cmi5 !== 'catapult') return null;
    if (session.state === 'terminated') return { status: 401, reason: 'the session\'s auth token was used after "terminated" (cmi5 8.1.2.0-2): nothing may follow it' };
    const agent = request.url.searchParams.get('agent');
    if (agent !== null && !sameJson(parseOrNull(agent), this.launchActor)) {
      return { status: 403, reason: `the agent ${agent} is not the launch actor as the LMS sent it, ${JSON.stringify(this.launchActor)} (cmi5 8.1.3.0-3)` };
    }
    if (request.statements === null) return null;
    const registration = this.registration;
    if (!registration) return null;
    let history = session.history;
    for (const [index, statement] of request.statements.entries()) {
      const which = `statement ${index + 1} of ${request.statements.length}`;
      if (!sameJson(statement.actor, this.launchActor)) return { status: 403, reason: `${which}: its actor is not the launch actor as the LMS sent it (cmi5 8.1.3.0-3)` };
      if (history.sessionVerbs.length === 0) {
        if (!session.preferencesRead) return { status: 400, reason: `${which}: the AU sent statements before reading cmi5LearnerPreferences (cmi5 11.0.0.0-3)` };
        if (request.statements.length !== 1) return { status: 400, reason: `the session's first statement request holds ${request.statements.length} statements; "initialized" must go alone (cmi5 9.3.0.0-4)` };
      }
      const problems = cmi5Problems(statement, this.rulesFor(session), history);
      if (problems.length > 0) return { status: 400, reason: `${which}: ${problems.join('; ')}` };
      history = recordInHistory(history, statement);
    }
    return null;
  }

  async afterStore(statements: readonly Statement[], credential: Credential): Promise<void> {
    const session = this.sessionOf(credential);
    const registration = this.registration;
    if (!session || !registration) return;
    let terminated = false;
    for (const statement of statements) {
      const problems = cmi5Problems(statement, this.rulesFor(session), session.history);
      for (const problem of problems) this.log.append({ kind: 'warning', source: 'cmi5', text: problem });
      session.history = recordInHistory(session.history, statement);
      session.lastStatementAt = Date.now();
      const verb = String((statement.verb as { id?: unknown } | undefined)?.id ?? '');
      if (isCmi5Defined(statement)) registration.definedVerbs.push(verb);
      if (verb === VERB.initialized && session.state === 'launched') session.state = 'initialized';
      if (verb === VERB.terminated) terminated = true;
    }
    if (!registration.satisfied && moveOnMet(this.descriptor.moveOn, registration.definedVerbs)) await this.satisfy(registration, session.id);
    // The session counts as terminated only once "satisfied" is on record: "terminated" may come in the same batch as
    // "passed", and whoever waits for the end (the inspector, a test, end()) must see the registration complete.
    if (terminated) {
      session.state = 'terminated';
      for (const wake of this.terminatedWaiters.splice(0)) wake();
    }
  }

  private sessionOf(credential: Credential): Session | undefined {
    return [...this.sessionsByAuth.values()].find((candidate) => candidate.id === credential.sessionId);
  }

  private rulesFor(session: Session): Parameters<typeof cmi5Problems>[1] {
    return {
      activityId: this.activityId,
      registration: this.registration?.id ?? '',
      sessionId: session.id,
      publisherId: this.descriptor.auId,
      launchMode: session.launchMode,
      masteryScore: this.descriptor.masteryScore,
    };
  }

  async end(reason: string): Promise<void> {
    const session = this.session;
    const registration = this.registration;
    if (!session || !registration || !this.running) return;
    let wake = (): void => {};
    const terminated = new Promise<void>((resolve) => (wake = resolve));
    this.terminatedWaiters.push(wake);
    const grace = new AbortController();
    await Promise.race([terminated, sleep(this.terminateGraceMs, undefined, { signal: grace.signal }).catch(() => undefined)]);
    grace.abort();
    this.terminatedWaiters = this.terminatedWaiters.filter((waiter) => waiter !== wake);
    if (!this.running || this.session !== session) return;
    // The AU never sent "terminated": the LMS records "abandoned", timed from launch to the AU's last statement (9.5.4.2).
    session.state = 'abandoned';
    const duration = formatIsoDuration(Math.round((session.lastStatementAt - session.launchedAt) / 10));
    await this.lrs.storeAsLms(this.statement(VERB.abandoned, registration, session.id, { result: { duration } }));
    this.log.append({ kind: 'lms', text: `Session ${session.number} ended (${reason}) without "terminated": the LMS recorded "abandoned"` });
  }

  view(): XapiView {
    return {
      registration: this.registration?.id ?? '',
      sessionId: this.session?.id ?? '',
      sessionState: this.session?.state ?? 'not launched',
      statementCount: this.log.counts.statements,
      documents: this.lrs.documents.all().map(documentView),
      satisfied: this.registration?.satisfied ?? null,
      moveOn: this.descriptor.moveOn,
      lrs: this.lrs.upstreamView(),
    };
  }

  private async newRegistration(): Promise<void> {
    const registration: Registration = { id: randomUUID(), number: ++this.registrationCount, definedVerbs: [], satisfied: false };
    this.registration = registration;
    // moveOn "NotApplicable" is met at registration (9.6.1): satisfied at once, under a session id of its own.
    if (moveOnMet(this.descriptor.moveOn, [])) await this.satisfy(registration, randomUUID());
  }

  private async satisfy(registration: Registration, sessionId: string): Promise<void> {
    registration.satisfied = true;
    if (this.descriptor.auCount > 1) {
      this.log.append({ kind: 'lms', text: 'The AU met its moveOn criteria; the course has other AUs, so no "satisfied" for the course' });
      return;
    }
    await this.lrs.storeAsLms(
      this.statement(VERB.satisfied, registration, sessionId, {
        object: { objectType: 'Activity', id: this.courseActivityId, definition: { type: ACTIVITY_TYPE.course } },
        grouping: this.descriptor.courseId || this.descriptor.auId,
      }),
    );
    this.log.append({ kind: 'lms', text: `moveOn "${this.descriptor.moveOn}" is met: the LMS recorded "satisfied" for the course` });
  }

  private writeLaunchData(registration: Registration, session: Session, origin: string, launchMode: Cmi5LaunchMode): void {
    const launchData: Record<string, unknown> = {
      contextTemplate: {
        contextActivities: { grouping: [{ objectType: 'Activity', id: this.descriptor.auId }] },
        extensions: { [EXTENSION.sessionId]: session.id },
      },
      launchMode,
      moveOn: this.descriptor.moveOn,
      returnURL: `${origin}${this.basePath}/lms/returned`,
    };
    if (this.descriptor.masteryScore !== null) launchData.masteryScore = this.descriptor.masteryScore;
    if (this.descriptor.launchParameters !== null) launchData.launchParameters = this.descriptor.launchParameters;
    if (this.descriptor.entitlementKey !== null) launchData.entitlementKey = { courseStructure: this.descriptor.entitlementKey };
    const scope: DocumentScope = { resource: 'state', activityId: this.activityId, agent: agentKey(this.launchActor)!, registration: registration.id };
    this.lrs.documents.put(scope, LAUNCH_DATA_ID, Buffer.from(JSON.stringify(launchData)), 'application/json');
    this.log.append({ kind: 'lms', text: `Wrote ${LAUNCH_DATA_ID} for session ${session.number}` });
  }

  private ensureLearnerPreferences(): void {
    const scope: DocumentScope = { resource: 'agent-profile', activityId: '', agent: agentKey(this.launchActor)!, registration: '' };
    if (this.lrs.documents.get(scope, LEARNER_PREFERENCES_ID)) return;
    const preferences = { languagePreference: PREVIEW_LEARNER.language, audioPreference: 'on' };
    this.lrs.documents.put(scope, LEARNER_PREFERENCES_ID, Buffer.from(JSON.stringify(preferences)), 'application/json');
  }

  /** A statement the LMS makes: cmi5 category, the AU's publisher id in grouping, the session id (9.6). */
  private statement(
    verb: string,
    registration: Registration,
    sessionId: string,
    options: { extensions?: Record<string, unknown>; result?: Record<string, unknown>; object?: Record<string, unknown>; grouping?: string },
  ): Statement & { id: string } {
    return {
      id: randomUUID(),
      actor: this.launchActor,
      verb: { id: verb, display: { 'en-US': verbName(verb) } },
      object: options.object ?? { objectType: 'Activity', id: this.activityId },
      ...(options.result ? { result: options.result } : {}),
      context: {
        registration: registration.id,
        contextActivities: { category: [{ id: CATEGORY.cmi5 }], grouping: [{ id: options.grouping ?? this.descriptor.auId }] },
        extensions: { [EXTENSION.sessionId]: sessionId, ...options.extensions },
      },
      timestamp: new Date().toISOString(),
    };
  }
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function parseOrNull(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}
