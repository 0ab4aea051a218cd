// scorm-again as the LMS, in Node. Its own synchronous HTTP service commits to a fake LMS server (a stand-in
// XMLHttpRequest and sendBeacon), so "Commit" and "Finish" go through the same code a real LMS page runs, and a
// server answering 500 makes Commit return false exactly as it would in a browser. The API the course sees is a
// recording proxy: every call is kept (for the privacy checks), and faults can be injected into it.
import { afterEach, beforeEach, vi } from 'vitest';
import { Scorm12API } from 'scorm-again/scorm12';
import { Scorm2004API } from 'scorm-again/scorm2004';
import { strict12Refusal } from '../../../../tools/preview/client/strict-scorm12.ts';
import { strict2004Refusal } from '../../../../tools/preview/client/strict-scorm2004.ts';

export type Flat = Record<string, string>;

export class LmsServer {
  /** HTTP status for the next commits; change it to simulate an outage. */
  status = 200;
  /** What the server has stored (each accepted commit replaces the record). */
  record: Flat | null = null;
  received: { body: Flat; status: number; beacon: boolean }[] = [];

  accept(body: string, beacon: boolean): number {
    const parsed = JSON.parse(body) as Flat;
    this.received.push({ body: parsed, status: this.status, beacon });
    if (this.status >= 200 && this.status < 300) this.record = { ...this.record, ...parsed };
    return this.status;
  }
}

/** Installs the stand-in network for scorm-again's commits; undone by vi.unstubAllGlobals(). */
/**
 * A fresh LMS server for each test of the file (handed to `use`), and the globals and spies it stubbed put back
 * after each.
 */
export function lmsServerPerTest(use: (server: LmsServer) => void): void {
  beforeEach(() => use(installLmsServer()));
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
}

export function installLmsServer(): LmsServer {
  const server = new LmsServer();
  class FakeXhr {
    status = 0;
    responseText = '';
    open(): void {}
    setRequestHeader(): void {}
    send(body: string): void {
      this.status = server.accept(body, false);
      this.responseText = this.status < 300 ? '{"result":true,"errorCode":0}' : 'Internal Server Error';
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  // The terminate commit goes by sendBeacon with a Blob; a Blob that keeps its text lets the server read it at once.
  class TextBlob {
    constructor(readonly parts: string[]) {}
  }
  vi.stubGlobal('Blob', TextBlob);
  vi.stubGlobal('navigator', {
    sendBeacon: (_url: string, blob: TextBlob) => {
      const status = server.accept(blob.parts.join(''), true);
      return status >= 200 && status < 300;
    },
  });
  return server;
}

export interface LmsCall {
  method: string;
  args: string[];
  result: string;
}

export interface Faults {
  /** Initialize answers "false" (error 101) this many times. */
  failInitialize?: number;
  /** SetValue calls this returns true for are refused (error 405 / 406). */
  refuseSet?: (element: string, value: string) => boolean;
  /** Commit answers "false" (error 101 / 391) this many times, storing nothing. */
  failCommit?: number;
  /** The LMS is gone (its frame unloaded, its server unreachable): every call answers "false" (or "") with error 101. */
  gone?: boolean;
  /** Accept values of any type, as scorm-again does; by default the LMS is as strict as the preview's "strictest". */
  lenient?: boolean;
}

export interface TestLms {
  /** The API object as the course finds it. */
  api: object;
  calls: LmsCall[];
  faults: Faults;
}

const SETTINGS = { lmsCommitUrl: '/lms/commit', dataCommitFormat: 'flattened' as const, logLevel: 5 as const, autocommit: false };

export function scorm12Lms(seed: Flat = {}): TestLms {
  const api = new Scorm12API(SETTINGS);
  api.loadFromFlattenedJSON({ 'cmi.core.student_id': 'u-1001', 'cmi.core.student_name': 'Okafor, Ada', ...seed });
  return recording(api, '1.2');
}

export function scorm2004Lms(seed: Flat = {}): TestLms {
  const api = new Scorm2004API(SETTINGS);
  api.loadFromFlattenedJSON({ 'cmi.learner_id': 'u-1001', 'cmi.learner_name': 'Ada Okafor', ...seed });
  return recording(api, '2004');
}

/** What the next launch is seeded with from what the server stored, as an LMS would do it (interactions included). */
export function relaunchSeed(record: Flat | null, version: '1.2' | '2004'): Flat {
  if (!record) return {};
  const keep = (keys: string[]) => Object.fromEntries(keys.filter((k) => record[k] !== undefined && record[k] !== '').map((k) => [k, record[k] as string]));
  const interactions = keep(Object.keys(record).filter((k) => /^cmi\.interactions\.\d+\./.test(k)));
  if (version === '1.2') {
    return {
      ...interactions,
      ...keep(['cmi.suspend_data', 'cmi.core.lesson_location', 'cmi.core.lesson_status', 'cmi.core.score.raw']),
      'cmi.core.entry': record['cmi.core.exit'] === 'suspend' ? 'resume' : '',
    };
  }
  const resumed = record['cmi.exit'] === 'suspend';
  return {
    ...interactions,
    ...keep(['cmi.completion_status', 'cmi.success_status', 'cmi.score.scaled']),
    ...(resumed ? keep(['cmi.suspend_data', 'cmi.location']) : {}),
    'cmi.entry': resumed ? 'resume' : '',
  };
}

function recording(api: Scorm12API | Scorm2004API, version: '1.2' | '2004'): TestLms {
  const calls: LmsCall[] = [];
  const faults: Faults = {};
  let injected: number | null = null;
  const target = api as unknown as Record<string, unknown>;
  const proxy = new Proxy(target, {
    get(object, property) {
      const value = object[property as string];
      if (typeof property !== 'string' || typeof value !== 'function' || !/^(LMS|Initialize|Terminate|GetValue|SetValue|Commit|Get)/.test(property)) return value;
      return (...args: unknown[]) => {
        const strings = args.map(String);
        let result: string;
        if (faults.gone) {
          if (/GetLastError$/.test(property)) result = '101';
          else if (/GetErrorString$/.test(property)) result = 'General exception';
          else if (/GetDiagnostic$/.test(property)) result = 'the LMS is gone';
          else result = /GetValue$/.test(property) ? '' : 'false';
        } else if (/Initialize$/.test(property) && (faults.failInitialize ?? 0) > 0) {
          faults.failInitialize = (faults.failInitialize ?? 0) - 1;
          injected = 101;
          result = 'false';
        } else if (/Commit$/.test(property) && (faults.failCommit ?? 0) > 0) {
          faults.failCommit = (faults.failCommit ?? 0) - 1;
          injected = version === '1.2' ? 101 : 391;
          result = 'false';
        } else if (/SetValue$/.test(property) && faults.refuseSet?.(strings[0] ?? '', strings[1] ?? '')) {
          injected = version === '1.2' ? 405 : 406;
          result = 'false';
        } else if (/SetValue$/.test(property) && !faults.lenient && strictRefusal(api, version, strings[0] ?? '', strings[1] ?? '') !== null) {
          injected = strictRefusal(api, version, strings[0] ?? '', strings[1] ?? '');
          result = 'false';
        } else if (/GetLastError$/.test(property) && injected !== null) {
          result = String(injected);
        } else {
          if (!/^(LMSGet|Get)(LastError|ErrorString|Diagnostic)$/.test(property)) injected = null;
          result = String((value as (...a: unknown[]) => unknown).apply(object, args));
        }
        calls.push({ method: property, args: strings, result });
        return result;
      };
    },
  });
  return { api: proxy, calls, faults };
}

/** The code a strict LMS refuses this SetValue with (the preview's Moodle checks), or null. */
function strictRefusal(api: Scorm12API | Scorm2004API, version: '1.2' | '2004', element: string, value: string): number | null {
  const values = () => api.getFlattenedCMI() as Record<string, unknown>;
  const read = (name: string): string | undefined => {
    const found = values()[name];
    return typeof found === 'string' && found !== '' ? found : undefined;
  };
  const refusal = version === '1.2' ? strict12Refusal(element, value, (index) => read(`cmi.interactions.${index}.type`)) : strict2004Refusal(element, value, read);
  return refusal?.code ?? null;
}
