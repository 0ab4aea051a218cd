// One opened package inside the preview LMS, under /p/<id>/: its LMS page, its files, the LMS side of its standard
// (SCORM commits and call records, or the cmi5 / TinCan launch with its LRS), the inspector stream and the fault
// switches. The routes, relative to /p/<id>/:
//   GET  ""                   the LMS page               GET  content/<path>      a package file
//   GET  lms/snapshot         inspector snapshot (JSON)  GET  lms/events          inspector stream (SSE)
//   POST lms/launch {mode, launchMode}  start a session (cmi5: Normal, Browse or Review)
//   POST lms/end {reason}     end the session
//   GET|POST lms/faults       the fault switches         POST lms/scorm-calls     API calls seen by the page
//   POST lms/csp-report       requests leaving the package (CSP report-only)   GET lms/returned  cmi5 returnURL
//   POST scorm/commit {cmi, calls}  scorm-again's commits, with the calls made before them
//   POST cmi5/fetch/<token>   the one-time auth-token
//   *    xapi/<resource>      the LRS (statements, activities/state, agents/profile, activities/profile, about …)
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { validatePackages } from '../../manifests/validate.ts';
import { STANDARD_NAME } from '../../manifests/standards/index.ts';
import { Cmi5Lms } from './cmi5/cmi5-lms.ts';
import { isHtml, contentTypeFor } from './content-types.ts';
import { describeFaults } from './client/fault-labels.ts';
import { mergeFaults } from './faults.ts';
import { HttpError, parseJson, readBody, sendHtml, sendJson, sendNoContent } from './http-util.ts';
import { InspectorLog } from './inspector-log.ts';
import { DEFAULT_PREVIEW_LMS_PROFILE, strictnessOf, type PreviewLmsProfile, type Strictness } from './lms-profile.ts';
import type { OpenedPackage } from './open-package.ts';
import { packagePathFromUrl, sendPackageFile } from './package-files.ts';
import { lmsPage, returnedPage, type LmsPageConfig } from './pages.ts';
import { CMI5_LAUNCH_MODES, NO_FAULTS, type ApiCallRecord, type Cmi5LaunchMode, type Faults, type InspectorSnapshot, type LaunchMode, type LaunchResponse, type PackageSummary, type PageWarning, type ScormCallBatch } from './protocol.ts';
import { SUSPEND_DATA_LIMIT } from './scorm-data.ts';
import { ScormLms } from './scorm-lms.ts';
import { TincanLms } from './tincan-lms.ts';
import { DocumentStore } from './xapi/documents.ts';
import type { XapiLmsSide } from './xapi/lms-side.ts';
import { Lrs } from './xapi/lrs.ts';
import { LrsForwarder, type UpstreamLrs } from './xapi/lrs-forwarder.ts';
import { MemoryStatementStore } from './xapi/statement-store.ts';

export interface SessionOptions {
  /** Run the package validator in the background and show its findings as warnings. */
  checkPackage: boolean;
  /** Show a link back to the chooser (the server was started without a zip). */
  chooserLink: boolean;
  /** cmi5: how long ending a session waits for the AU's "terminated" before recording "abandoned". */
  terminateGraceMs?: number;
  /** xAPI / cmi5: forward statements to this real LRS instead of keeping them in memory. */
  lrs?: UpstreamLrs;
  /** How strict the LMS is (lms-profile.ts); default "strictest". */
  lmsProfile?: PreviewLmsProfile;
}

/** Most warnings the package check adds; a badly broken descriptor can yield hundreds of XSD messages. */
const MAX_CHECK_WARNINGS = 25;

export class PackageSession {
  readonly basePath: string;
  readonly log: InspectorLog;
  private faults: Faults = { ...NO_FAULTS };
  private readonly scorm: ScormLms | null = null;
  private readonly xapi: XapiLmsSide | null = null;
  private readonly lrs: Lrs | null = null;
  private readonly cmi5: Cmi5Lms | null = null;
  private readonly check: Promise<void>;
  private readonly reportedCsp = new Set<string>();
  readonly lmsProfile: PreviewLmsProfile;
  private readonly strictness: Strictness;

  constructor(
    readonly id: string,
    readonly pkg: OpenedPackage,
    private readonly options: SessionOptions,
  ) {
    this.basePath = `/p/${id}`;
    this.lmsProfile = options.lmsProfile ?? DEFAULT_PREVIEW_LMS_PROFILE;
    this.strictness = strictnessOf(this.lmsProfile);
    // The session an entry belongs to, for entries that do not name one (the side is made just below; 0 before).
    this.log = new InspectorLog(
      () => this.snapshot(),
      () => (this.scorm ?? this.xapi)?.sessionNumber ?? 0,
    );
    const launch = pkg.launch;
    if (launch.kind === 'scorm') {
      this.scorm = new ScormLms(launch, this.log, this.basePath, this.strictness);
    } else {
      let side: XapiLmsSide | null = null;
      const forwarder = options.lrs ? new LrsForwarder(options.lrs, this.log, `${this.basePath}/xapi/statements`) : null;
      const lrs = new Lrs(
        new MemoryStatementStore(),
        new DocumentStore(),
        this.log,
        `${this.basePath}/xapi`,
        {
          faults: () => this.faults,
          authorize: (header) => side?.authorize(header) ?? null,
          gate: (request) => side?.gate?.(request) ?? null,
          afterStore: async (statements, credential) => side?.afterStore(statements, credential),
        },
        forwarder,
      );
      this.lrs = lrs;
      if (launch.kind === 'cmi5') {
        this.cmi5 = new Cmi5Lms(launch, lrs, this.log, this.basePath, () => this.faults, options.terminateGraceMs, this.strictness);
        side = this.cmi5;
      } else {
        side = new TincanLms(launch, lrs, this.log, this.basePath, () => this.faults);
      }
      this.xapi = side;
    }
    this.log.append({ kind: 'lms', text: `Opened ${pkg.fileName}: ${STANDARD_NAME[pkg.standard]}, launching ${launch.href}; LMS profile "${this.lmsProfile}"` });
    for (const note of launch.notes) this.log.append({ kind: 'lms', text: `Note: ${note}` });
    if (this.lrs && options.lrs) this.log.append({ kind: 'lms', text: `Statements go to the LRS at ${this.lrs.upstreamView()!.endpoint}; State documents and the cmi5 launch stay in the preview` });
    this.check = options.checkPackage ? this.checkPackage() : Promise.resolve();
  }

  summary(): PackageSummary {
    return {
      id: this.id,
      fileName: this.pkg.fileName,
      title: this.pkg.launch.title,
      standard: this.pkg.standard,
      standardName: STANDARD_NAME[this.pkg.standard],
      edition: this.pkg.edition,
      launchHref: this.pkg.launch.href,
      notes: this.pkg.launch.notes,
    };
  }

  snapshot(): InspectorSnapshot {
    const side = this.scorm ?? this.xapi!;
    return {
      package: this.summary(),
      lmsProfile: this.lmsProfile,
      faults: this.faults,
      attempt: { number: side.attemptNumber, session: side.sessionNumber, running: side.running },
      scorm: this.scorm?.view() ?? null,
      xapi: this.xapi?.view() ?? null,
      counts: { ...this.log.counts },
      log: this.log.retention(),
    };
  }

  /** Answer a request below /p/<id>/; `rest` is the path after it (still %-encoded), `origin` the browser's origin. */
  async handle(req: IncomingMessage, res: ServerResponse, rest: string, url: URL, origin: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (rest === '') {
      expectMethod(method, 'GET');
      sendHtml(res, 200, lmsPage(this.summary(), this.pageConfig(), this.options.chooserLink));
      return;
    }
    if (rest.startsWith('content/')) {
      const path = packagePathFromUrl(rest.slice('content/'.length));
      if (this.faults.slowMs > 0) await sleep(this.faults.slowMs);
      // Report-only: the course runs as it would in an LMS, and anything it fetches from elsewhere is reported.
      const headers = isHtml(contentTypeFor(path))
        ? { 'Content-Security-Policy-Report-Only': `default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; report-uri ${this.basePath}/lms/csp-report` }
        : {};
      await sendPackageFile(req, res, this.pkg.files, path, headers);
      return;
    }
    if (rest.startsWith('xapi/')) {
      if (!this.lrs) throw new HttpError(404, 'this package is not an xAPI package: there is no LRS here');
      await this.lrs.handle(req, res, rest.slice('xapi/'.length).replace(/\/+$/, ''), url);
      return;
    }
    if (rest.startsWith('cmi5/fetch/')) {
      if (!this.cmi5) throw new HttpError(404, 'this package is not a cmi5 package');
      if (method !== 'POST') {
        sendJson(res, 405, { 'error-code': '3', 'error-text': 'the fetch URL must be POSTed (cmi5 section 8.2.1)' }, { Allow: 'POST' });
        return;
      }
      await readBody(req);
      if (this.faults.slowMs > 0) await sleep(this.faults.slowMs);
      const reply = this.cmi5.fetch(decodeURIComponent(rest.slice('cmi5/fetch/'.length)));
      sendJson(res, reply.status, reply.body);
      return;
    }
    switch (rest) {
      case 'lms/snapshot':
        expectMethod(method, 'GET');
        sendJson(res, 200, this.snapshot());
        return;
      case 'lms/events':
        expectMethod(method, 'GET');
        this.log.stream(req, res);
        return;
      case 'lms/launch': {
        expectMethod(method, 'POST');
        const body = await jsonBody(req);
        const mode = body.mode ?? 'resume';
        if (mode !== 'resume' && mode !== 'new-attempt') throw new HttpError(400, 'mode must be "resume" or "new-attempt"');
        const launchMode = body.launchMode ?? 'Normal';
        if (!CMI5_LAUNCH_MODES.includes(launchMode as Cmi5LaunchMode)) throw new HttpError(400, `launchMode must be one of ${CMI5_LAUNCH_MODES.join(', ')}`);
        sendJson(res, 200, await this.launch(mode, origin, launchMode as Cmi5LaunchMode));
        return;
      }
      case 'lms/end': {
        expectMethod(method, 'POST');
        const body = await jsonBody(req);
        const reason = typeof body.reason === 'string' && body.reason !== '' ? body.reason.slice(0, 200) : 'the LMS ended it';
        if (this.scorm) this.scorm.end(reason);
        else await this.xapi!.end(reason);
        this.log.changed();
        sendJson(res, 200, this.snapshot());
        return;
      }
      case 'lms/faults':
        if (method === 'GET') {
          sendJson(res, 200, this.faults);
          return;
        }
        expectMethod(method, 'POST');
        this.faults = mergeFaults(this.faults, await jsonBody(req));
        this.log.append({ kind: 'lms', text: describeFaults(this.faults, this.pageConfig().runtime) });
        sendJson(res, 200, this.faults);
        return;
      case 'lms/scorm-calls': {
        expectMethod(method, 'POST');
        if (!this.scorm) throw new HttpError(404, 'this package is not a SCORM package');
        this.scorm.recordCalls(callBatch(await jsonBody(req)));
        sendNoContent(res);
        return;
      }
      case 'lms/csp-report':
        expectMethod(method, 'POST');
        this.recordCspReport(await readBody(req, 64 * 1024));
        sendNoContent(res);
        return;
      case 'lms/returned':
        expectMethod(method, 'GET');
        sendHtml(res, 200, returnedPage());
        return;
      case 'scorm/commit': {
        expectMethod(method, 'POST');
        if (!this.scorm) throw new HttpError(404, 'this package is not a SCORM package');
        const body = await readBody(req);
        if (this.faults.slowMs > 0) await sleep(this.faults.slowMs);
        // {cmi: the flattened data model, calls: the API calls made since the page last reported}; anything else is
        // refused by ScormLms.commit as a body that is not a data model.
        let parsed: { cmi?: unknown; calls?: unknown } = {};
        try {
          const value = JSON.parse(body.toString('utf8')) as unknown;
          if (typeof value === 'object' && value !== null) parsed = value;
        } catch {
          // Not JSON: refused below.
        }
        if (typeof parsed.calls === 'object' && parsed.calls !== null && !Array.isArray(parsed.calls)) {
          this.scorm.recordCalls(callBatch(parsed.calls as Record<string, unknown>));
        }
        const session = Number(url.searchParams.get('session'));
        const reply = this.scorm.commit(session, url.searchParams.get('final') === 'true', url.searchParams.get('trigger') ?? 'manual', parsed.cmi, this.faults);
        sendJson(res, reply.status, reply.body);
        return;
      }
      default:
        throw new HttpError(404, `no preview route "${rest}"`);
    }
  }

  /** Stop the streams, let the package check finish, remove the temp folder. */
  async dispose(): Promise<void> {
    this.log.closeStreams();
    await this.check;
    await this.pkg.dispose();
  }

  private async launch(mode: LaunchMode, origin: string, launchMode: Cmi5LaunchMode): Promise<LaunchResponse> {
    if (this.scorm) return this.scorm.start(mode, `${this.basePath}/content/${this.pkg.launch.href}`);
    return this.xapi!.start(mode, origin, launchMode);
  }

  private pageConfig(): LmsPageConfig {
    // The LMS side follows the launch the standard's preview launcher read (manifests/standards/<id>.ts).
    const { launch } = this.pkg;
    return {
      basePath: this.basePath,
      runtime: launch.kind !== 'scorm' ? 'xapi' : launch.dataModel === '1.2' ? 'scorm12' : 'scorm2004',
      cmi5: launch.kind === 'cmi5',
      suspendDataLimit: launch.kind === 'scorm' ? SUSPEND_DATA_LIMIT[launch.dataModel] : 0,
    };
  }

  private recordCspReport(body: Buffer): void {
    let report: Record<string, unknown> = {};
    try {
      report = ((JSON.parse(body.toString('utf8')) as Record<string, unknown>)['csp-report'] ?? {}) as Record<string, unknown>;
    } catch {
      return;
    }
    const blocked = String(report['blocked-uri'] ?? 'unknown');
    const directive = String(report['effective-directive'] ?? report['violated-directive'] ?? '');
    if (this.reportedCsp.has(blocked)) return;
    this.reportedCsp.add(blocked);
    this.log.append({ kind: 'warning', source: 'csp', text: `The course requested ${blocked} (${directive}): that leaves the package's origin, and hospital networks often block it` });
  }

  private async checkPackage(): Promise<void> {
    const files = new Map<string, Uint8Array>();
    for (const path of this.pkg.files.keys()) files.set(path, path === this.pkg.descriptor.path ? this.pkg.descriptor.bytes : new Uint8Array(0));
    try {
      const [report] = await validatePackages([{ name: this.pkg.fileName, files }]);
      if (!report) return;
      if (report.valid) {
        this.log.append({ kind: 'lms', text: `Package check: valid ${STANDARD_NAME[this.pkg.standard]} package` });
        return;
      }
      for (const problem of report.problems.slice(0, MAX_CHECK_WARNINGS)) {
        this.log.append({ kind: 'warning', source: 'package', text: `${problem.where}: ${problem.message} [${problem.rule}]` });
      }
      if (report.problems.length > MAX_CHECK_WARNINGS) {
        this.log.append({ kind: 'warning', source: 'package', text: `… and ${report.problems.length - MAX_CHECK_WARNINGS} more problems (npm run validate lists them all)` });
      }
    } catch (error) {
      this.log.append({ kind: 'warning', source: 'package', text: `The package check could not run: ${(error as Error).message}` });
    }
  }
}

function expectMethod(method: string, expected: string): void {
  if (method !== expected) throw new HttpError(405, `use ${expected}`, { Allow: expected });
}

/** The LMS page's own requests are JSON; requiring the type also stops plain cross-site form posts. */
async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) throw new HttpError(415, 'send application/json');
  const body = await readBody(req);
  if (body.length === 0) return {};
  const value = parseJson(body);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new HttpError(400, 'the body must be a JSON object');
  return value as Record<string, unknown>;
}

function callBatch(body: Record<string, unknown>): ScormCallBatch {
  const { session, calls, values, warnings } = body;
  if (!Number.isInteger(session) || !Array.isArray(calls)) throw new HttpError(400, 'a call batch needs a session number and a calls array');
  const strings = (list: unknown): string[] => (Array.isArray(list) ? list.map((item) => String(item)) : []);
  return {
    session: session as number,
    calls: calls.map((call): ApiCallRecord => {
      const record = (call ?? {}) as Record<string, unknown>;
      return {
        method: String(record.method ?? ''),
        args: strings(record.args),
        result: String(record.result ?? ''),
        errorCode: String(record.errorCode ?? ''),
        errorText: String(record.errorText ?? ''),
      };
    }),
    values:
      typeof values === 'object' && values !== null && !Array.isArray(values)
        ? Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
        : null,
    warnings: (Array.isArray(warnings) ? warnings : []).map((warning): PageWarning => {
      const record = (warning ?? {}) as Record<string, unknown>;
      const source = record.source === 'limit' || record.source === 'refused' || record.source === 'note' ? record.source : 'session';
      return { source, text: String(record.text ?? '') };
    }),
  };
}
