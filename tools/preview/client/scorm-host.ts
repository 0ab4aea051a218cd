// The SCORM runtime in the LMS page: a scorm-again instance seeded with what the server kept, exposed to the course as
// window.API (1.2) or window.API_1484_11 (2004) through a wrapper that records every call (arguments, result, error)
// for the inspector, enforces SCORM 1.2 limits scorm-again deliberately lets through, and plays the "LMS disappears"
// fault. Commits go to the server by synchronous XHR, terminate commits included: this page stays alive when the course
// frame unloads, so the course's LMSFinish learns whether its data were stored (a beacon could not tell it).
import type { IHttpService, ResultObject, Scorm12API, Scorm2004API } from 'scorm-again';
import type { ApiCallRecord, Faults, ScormCallBatch, ScormLaunchPlan } from '../protocol.ts';

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
}

export function installScormApi(options: ScormHostOptions): ScormHost {
  const { runtime, plan } = options;
  const [, finish, getValue, setValue, , getLastError, getErrorString, getDiagnostic] = METHODS[runtime];
  const failureCode = runtime === 'scorm12' ? 101 : 391;
  const globals = window as unknown as Record<string, unknown>;
  const Runtime = globals[runtime === 'scorm12' ? 'Scorm12API' : 'Scorm2004API'] as RuntimeConstructor | undefined;
  if (!Runtime) throw new Error(`scorm-again's ${runtime} bundle did not load`);

  const api = new Runtime({
    lmsCommitUrl: plan.commitUrl,
    dataCommitFormat: 'flattened',
    autocommit: false,
    logLevel: 4,
    httpService: synchronousCommits(failureCode),
  });
  api.loadFromFlattenedJSON(plan.seed);
  const methods = api as unknown as Record<string, ApiMethod>;
  const reporter = new CallReporter(options.callsUrl, options.session, () => stringValues(api));

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
      const refusal = method === setValue && plan.strict12 ? scorm12LimitProblem(shownArgs[0] ?? '', shownArgs[1] ?? '') : null;
      if (refusal) {
        api.throwSCORMError(shownArgs[0], TYPE_MISMATCH_12, refusal);
        reporter.warn(refusal);
        result = 'false';
      } else {
        result = String(methods[method]!.apply(api, args));
      }
      const errorCode = errorQueries.includes(method) ? '' : String(api.lastErrorCode);
      const errorText = errorCode !== '' && errorCode !== '0' ? String(methods[getErrorString]!.call(api, errorCode)) : '';
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
  };
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
function synchronousCommits(failureCode: number): IHttpService {
  return {
    processHttpRequest(url, params, immediate, _log, _listeners, metadata): ResultObject {
      const target = `${url}&trigger=${encodeURIComponent(metadata?.trigger ?? 'manual')}${immediate ? '&final=true' : ''}`;
      const body = JSON.stringify(params);
      try {
        const request = new XMLHttpRequest();
        request.open('POST', target, false);
        request.setRequestHeader('Content-Type', 'application/json');
        request.send(body);
        if (request.status < 200 || request.status > 299) return { result: 'false', errorCode: failureCode };
        const reply = JSON.parse(request.responseText) as { result?: unknown; errorCode?: unknown };
        return reply.result === true ? { result: 'true', errorCode: 0 } : { result: 'false', errorCode: typeof reply.errorCode === 'number' ? reply.errorCode : failureCode };
      } catch {
        // Browsers refuse synchronous XHR while the whole tab is closing; a beacon still carries the final commit.
        if (immediate && navigator.sendBeacon(target, new Blob([body], { type: 'text/plain;charset=UTF-8' }))) return { result: 'true', errorCode: 0 };
        return { result: 'false', errorCode: failureCode };
      }
    },
    updateSettings() {},
  };
}

function stringValues(api: ScormApi): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [element, value] of Object.entries(api.getFlattenedCMI() as Record<string, unknown>)) {
    if (typeof value === 'string') values[element] = value;
  }
  return values;
}

/** Sends call records in batches (one per burst of synchronous calls), in order, with the data model as it now is. */
class CallReporter {
  private calls: ApiCallRecord[] = [];
  private warnings: string[] = [];
  private scheduled = false;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly session: number,
    private readonly values: () => Record<string, string>,
  ) {}

  add(call: ApiCallRecord): void {
    this.calls.push(call);
    this.schedule();
  }

  warn(text: string): void {
    this.warnings.push(text);
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      const batch: ScormCallBatch = { session: this.session, calls: this.calls, warnings: this.warnings, values: this.values() };
      this.calls = [];
      this.warnings = [];
      this.chain = this.chain
        .then(() => fetch(this.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(batch) }))
        .catch(() => undefined);
    });
  }
}
