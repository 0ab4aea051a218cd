// The SCORM runtime in the LMS page: a scorm-again instance seeded with what the server kept, exposed to the course as
// window.API (1.2) or window.API_1484_11 (2004) through a wrapper that records every call (arguments, result, error)
// for the inspector, enforces SCORM 1.2 limits scorm-again deliberately lets through (and, under a strict LMS profile,
// the data types as Moodle checks them: strict-scorm12.ts, strict-scorm2004.ts), and plays the "LMS disappears" fault. Commits go by synchronous XHR, as scorm-again (and most LMSs) do by default, so the SCO learns at once whether
// its data were stored; each carries the call records made before it, so the inspector shows them in order. While the
// course frame is being dismissed, Chrome refuses synchronous requests even from this page: an interim commit then
// fails (101 / 391), as it would in such an LMS, and the final commit is sent without waiting (the SCO is told "true").
// The inspector says so, and the LMS page waits for those requests (settled()) before it launches again.
import type { IHttpService, ResultObject, Scorm12API, Scorm2004API } from 'scorm-again';
import type { ApiCallRecord, Faults, PageWarning, ScormCallBatch, ScormLaunchPlan } from '../protocol.ts';
import { strict12Refusal } from './strict-scorm12.ts';
import { strict2004Refusal } from './strict-scorm2004.ts';

type ScormApi = Scorm12API | Scorm2004API;
type RuntimeConstructor = new (settings: Record<string, unknown>) => ScormApi;
type ApiMethod = (...args: unknown[]) => unknown;

const METHODS = {
  scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
} as const;

/** SCORM 1.2 smallest permitted maxima that scorm-again does not enforce (it accepts 64,000 for suspend_data). */
const SCORM12_SUSPEND_DATA = 4096;
const SCORM12_RESPONSE = 255;
/** 1.2's "incorrect data type", what scorm-again itself answers for an over-long lesson_location. */
const TYPE_MISMATCH_12 = 405;

export interface ScormHostOptions {
  runtime: 'scorm12' | 'scorm2004';
  plan: ScormLaunchPlan;
  session: number;
  /** Where the call records go (POST, JSON ScormCallBatch). */
  callsUrl: string;
  /** The SCO finished (LMSFinish / Terminate returned "true"); for 2004, the adl.nav.request it left. */
  onFinished(navRequest: string): void;
}

export interface ScormHost {
  /** Apply the fault switches: "LMS gone" removes the API object and fails every later call. */
  applyFaults(faults: Readonly<Faults>): void;
  /** The course has been unloaded: remove the API object; a stale reference from the old course fails from now on. */
  remove(): void;
  /** Resolves when the requests sent without waiting (during the frame's dismissal) have been answered. */
  settled(): Promise<void>;
}

/** The body of a commit: scorm-again's flattened data model, and the call records made since the last report. */
export interface CommitRequest {
  cmi: unknown;
  calls: ScormCallBatch | null;
}

export function installScormApi(options: ScormHostOptions): ScormHost {
  const { runtime, plan } = options;
  const [, finish, getValue, setValue, , getLastError, getErrorString, getDiagnostic] = METHODS[runtime];
  const failureCode = runtime === 'scorm12' ? 101 : 391;
  const globals = window as unknown as Record<string, unknown>;
  const Runtime = globals[runtime === 'scorm12' ? 'Scorm12API' : 'Scorm2004API'] as RuntimeConstructor | undefined;
  if (!Runtime) throw new Error(`scorm-again's ${runtime} bundle did not load`);

  let api: ScormApi | null = null;
  const requests = new RequestQueue();
  const reporter = new CallReporter(options.callsUrl, options.session, () => (api ? stringValues(api) : null), requests);
  api = new Runtime({
    lmsCommitUrl: plan.commitUrl,
    dataCommitFormat: 'flattened',
    autocommit: false,
    logLevel: 4,
    httpService: synchronousCommits(failureCode, reporter, requests),
  });
  api.loadFromFlattenedJSON(plan.seed);
  const runtimeApi = api;
  const methods = api as unknown as Record<string, ApiMethod>;

  let gone = false;
  let navRequest = '';
  const errorQueries: readonly string[] = [getLastError, getErrorString, getDiagnostic];

  // What a vanished LMS answers: failure, error 101 "General exception".
  const goneResult = (method: string): string => {
    if (method === getLastError) return '101';
    if (method === getErrorString) return 'General exception';
    if (method === getDiagnostic) return 'The LMS is no longer available (preview fault: LMS gone)';
    return method === getValue ? '' : 'false';
  };

  const wrapper: Record<string, ApiMethod> = {};
  for (const method of METHODS[runtime]) {
    wrapper[method] = (...args: unknown[]): string => {
      const shownArgs = args.map((arg) => String(arg));
      if (gone) {
        const result = goneResult(method);
        reporter.add({ method, args: shownArgs, result, errorCode: errorQueries.includes(method) ? '' : '101', errorText: errorQueries.includes(method) ? '' : 'General exception (LMS gone)' });
        return result;
      }
      let result: string;
      const refusal = method === setValue ? valueRefusal(runtime, plan, runtimeApi, shownArgs[0] ?? '', shownArgs[1] ?? '') : null;
      if (refusal) {
        runtimeApi.throwSCORMError(shownArgs[0], refusal.code, refusal.reason);
        reporter.warn({ source: refusal.source, text: refusal.reason });
        result = 'false';
      } else if (method === setValue && runtime === 'scorm12' && plan.typeChecks === 'moodle' && shownArgs[0] === 'cmi.comments') {
        // Moodle appends what the SCO sets to cmi.comments to what it holds (scorm_12.js), as the 1.2 book lets it.
        result = String(methods[method]!.call(runtimeApi, 'cmi.comments', `${stringValues(runtimeApi)['cmi.comments'] ?? ''}${shownArgs[1] ?? ''}`));
      } else {
        result = String(methods[method]!.apply(runtimeApi, args));
      }
      const errorCode = errorQueries.includes(method) ? '' : String(runtimeApi.lastErrorCode);
      const errorText = errorCode !== '' && errorCode !== '0' ? String(methods[getErrorString]!.call(runtimeApi, errorCode)) : '';
      reporter.add({ method, args: shownArgs, result, errorCode, errorText });
      if (method === setValue && shownArgs[0] === 'adl.nav.request' && result === 'true') navRequest = shownArgs[1] ?? '';
      if (method === finish && result === 'true') options.onFinished(navRequest);
      return result;
    };
  }
  globals[plan.apiName] = wrapper;

  const vanish = (): void => {
    gone = true;
    if (globals[plan.apiName] === wrapper) delete globals[plan.apiName];
  };
  return {
    applyFaults: (faults) => {
      if (faults.lmsGone && !gone) vanish();
    },
    remove: vanish,
    settled: () => requests.settled(),
  };
}

/** Why this LMS refuses a SetValue scorm-again would take: a 1.2 limit, or (strict profiles) the value's type. */
function valueRefusal(runtime: 'scorm12' | 'scorm2004', plan: ScormLaunchPlan, api: ScormApi, element: string, value: string): { code: number; reason: string; source: PageWarning['source'] } | null {
  const limit = plan.strict12 ? scorm12LimitProblem(element, value) : null;
  if (limit) return { code: TYPE_MISMATCH_12, reason: limit, source: 'limit' };
  if (plan.typeChecks !== 'moodle') return null;
  const values = (): Record<string, string> => stringValues(api);
  const refusal =
    runtime === 'scorm12'
      ? strict12Refusal(element, value, (index) => values()[`cmi.interactions.${index}.type`] || undefined)
      : strict2004Refusal(element, value, (name) => values()[name] || undefined);
  return refusal ? { ...refusal, reason: `${refusal.reason}: refused with error ${refusal.code}, as a strict LMS does`, source: 'refused' } : null;
}

/** Why SCORM 1.2 forbids this SetValue although scorm-again allows it, or null. */
export function scorm12LimitProblem(element: string, value: string): string | null {
  if (element === 'cmi.suspend_data' && value.length > SCORM12_SUSPEND_DATA) {
    return `cmi.suspend_data of ${value.length} characters is over SCORM 1.2's limit of ${SCORM12_SUSPEND_DATA} (CMIString4096): refused with error 405, as a strict LMS does`;
  }
  if (/^cmi\.interactions\.\d+\.student_response$/.test(element) && value.length > SCORM12_RESPONSE) {
    return `${element} of ${value.length} characters is over SCORM 1.2's limit of ${SCORM12_RESPONSE} (CMIFeedback): refused with error 405`;
  }
  return null;
}

/** scorm-again's HTTP service, replaced: every commit (terminate included) is a synchronous POST the SCO waits for. */
function synchronousCommits(failureCode: number, reporter: CallReporter, requests: RequestQueue): IHttpService {
  return {
    processHttpRequest(url, params, immediate, _log, _listeners, metadata): ResultObject {
      const target = `${url}&trigger=${encodeURIComponent(metadata?.trigger ?? 'manual')}${immediate ? '&final=true' : ''}`;
      const calls = reporter.take();
      const body = (batch: ScormCallBatch | null) => JSON.stringify({ cmi: params, calls: batch } satisfies CommitRequest);
      try {
        const request = new XMLHttpRequest();
        request.open('POST', target, false);
        request.setRequestHeader('Content-Type', 'application/json');
        request.send(body(calls));
        if (request.status < 200 || request.status > 299) return { result: 'false', errorCode: failureCode };
        const reply = JSON.parse(request.responseText) as { result?: unknown; errorCode?: unknown };
        return reply.result === true ? { result: 'true', errorCode: 0 } : { result: 'false', errorCode: typeof reply.errorCode === 'number' ? reply.errorCode : failureCode };
      } catch {
        // "Synchronous XHR in page dismissal": the course frame (or the tab) is going away.
        // A final commit (LMSFinish / Terminate) made as the frame goes is what a SCO should do then, and the LMS sends it
        // on (as Moodle does by sendBeacon): a note. An interim commit then fails: the package's fault, a warning.
        const warning: PageWarning = { source: immediate ? 'note' : 'session', text: dismissalWarning(immediate, failureCode) };
        const batch = reporter.withWarning(calls, warning);
        if (!immediate) {
          // An interim commit fails, as in any LMS that commits synchronously; its records still go, later.
          reporter.putBack(batch);
          return { result: 'false', errorCode: failureCode };
        }
        requests.send(target, body(batch));
        return { result: 'true', errorCode: 0 };
      }
    },
    updateSettings() {},
  };
}

function dismissalWarning(final: boolean, failureCode: number): string {
  return final
    ? 'The SCO finished while its frame was unloading; the browser refuses synchronous requests then, so the LMS sent the final commit without waiting (as Moodle does with sendBeacon) and told the SCO "true"'
    : `A commit was made while the course frame was unloading; the browser refuses synchronous requests then, so it failed with error ${failureCode}, as in any LMS that commits by synchronous XHR. Commit before the page is hidden, or leave the last save to LMSFinish / Terminate`;
}

function stringValues(api: ScormApi): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [element, value] of Object.entries(api.getFlattenedCMI() as Record<string, unknown>)) {
    if (typeof value === 'string') values[element] = value;
  }
  return values;
}

/**
 * Requests that cannot wait (the course frame is being dismissed): sent one after another, in order, with keepalive
 * when small enough (so they survive the tab closing too), and awaitable as a whole.
 */
class RequestQueue {
  private chain: Promise<unknown> = Promise.resolve();

  send(url: string, body: string): void {
    // keepalive bodies are capped at 64 KiB; this page outlives the frame, so a larger one still arrives without it.
    const keepalive = body.length < 60_000;
    const post = (withKeepalive: boolean) => fetch(url, { method: 'POST', keepalive: withKeepalive, headers: { 'Content-Type': 'application/json' }, body });
    // Chrome now and then refuses a keepalive request made while a frame is being torn down ("Failed to fetch", the
    // request never sent). This page lives on: one task later it sends it as a plain request.
    const later = () => new Promise((resolve) => setTimeout(resolve, 0)).then(() => post(false));
    this.chain = this.chain.then(() => post(keepalive).catch(later).catch(() => undefined));
  }

  async settled(): Promise<void> {
    await this.chain;
  }
}

/**
 * Collects call records and sends them to the server in batches (one per burst of synchronous calls), synchronously so
 * batches and commits reach the inspector in the order they happened; a commit takes the pending records with it.
 */
class CallReporter {
  private calls: ApiCallRecord[] = [];
  private warnings: PageWarning[] = [];
  private scheduled = false;

  constructor(
    private readonly url: string,
    private readonly session: number,
    private readonly values: () => Record<string, string> | null,
    private readonly requests: RequestQueue,
  ) {}

  add(call: ApiCallRecord): void {
    this.calls.push(call);
    this.schedule();
  }

  warn(warning: PageWarning): void {
    this.warnings.push(warning);
    this.schedule();
  }

  /** The pending records (with the data model as it is now), leaving none pending; null when there are none. */
  take(): ScormCallBatch | null {
    if (this.calls.length === 0 && this.warnings.length === 0) return null;
    const batch: ScormCallBatch = { session: this.session, calls: this.calls, warnings: this.warnings, values: this.values() };
    this.calls = [];
    this.warnings = [];
    return batch;
  }

  withWarning(batch: ScormCallBatch | null, warning: PageWarning): ScormCallBatch {
    return batch ? { ...batch, warnings: [...batch.warnings, warning] } : { session: this.session, calls: [], warnings: [warning], values: this.values() };
  }

  /** Records a failed commit could not deliver: sent ahead of anything newer. */
  putBack(batch: ScormCallBatch): void {
    this.calls = [...batch.calls, ...this.calls];
    this.warnings = [...batch.warnings, ...this.warnings];
    this.schedule();
  }

  private flush(): void {
    const batch = this.take();
    if (!batch) return;
    const body = JSON.stringify(batch);
    try {
      const request = new XMLHttpRequest();
      request.open('POST', this.url, false);
      request.setRequestHeader('Content-Type', 'application/json');
      request.send(body);
    } catch {
      // The frame is being dismissed (no synchronous requests): send without waiting, after anything already queued.
      this.requests.send(this.url, body);
    }
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.flush();
    });
  }
}
