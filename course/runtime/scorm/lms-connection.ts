// The LMS's own SCORM API object, called the same way for 1.2 and 2004. Every call's result is checked with
// GetLastError, and a failure comes back with the LMS's own error text and diagnostic, never as a silent "false".

export type ScormVersion = '1.2' | '2004';

const METHODS = {
  '1.2': {
    initialize: 'LMSInitialize',
    terminate: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    lastError: 'LMSGetLastError',
    errorString: 'LMSGetErrorString',
    diagnostic: 'LMSGetDiagnostic',
  },
  '2004': {
    initialize: 'Initialize',
    terminate: 'Terminate',
    get: 'GetValue',
    set: 'SetValue',
    commit: 'Commit',
    lastError: 'GetLastError',
    errorString: 'GetErrorString',
    diagnostic: 'GetDiagnostic',
  },
} as const;

type Call = keyof (typeof METHODS)['1.2'];

export interface LmsError {
  /** The API method, e.g. "LMSCommit". */
  call: string;
  element?: string;
  /** The LMS's error code; -1 when the call threw or the method is missing. */
  code: number;
  text: string;
  diagnostic: string;
}

export interface LmsCallRecord {
  call: string;
  element?: string;
  value?: string;
  error: LmsError | null;
}

export interface LmsConnectionOptions {
  /** Count a SetValue that returns false with error 0 as done (some LMSs return false although it worked). */
  falseWithoutErrorIsSuccess: boolean;
  /** Sees every call, for diagnostics. */
  log?: (record: LmsCallRecord) => void;
}

/** 2004 error 403 "Data Model Element Value Not Initialized": a read of something never set, which is simply empty. */
const NOT_INITIALIZED_2004 = 403;

export class LmsConnection {
  private readonly methods: (typeof METHODS)[ScormVersion];

  constructor(
    private readonly api: object,
    readonly version: ScormVersion,
    private readonly options: LmsConnectionOptions,
  ) {
    this.methods = METHODS[version];
  }

  initialize(): LmsError | null {
    return this.booleanCall('initialize', ['']);
  }

  terminate(): LmsError | null {
    return this.booleanCall('terminate', ['']);
  }

  commit(): LmsError | null {
    return this.booleanCall('commit', ['']);
  }

  setValue(element: string, value: string): LmsError | null {
    return this.booleanCall('set', [element, value], element);
  }

  getValue(element: string): { value: string; error: LmsError | null } {
    const { result, thrown } = this.invoke('get', [element]);
    let error = thrown ?? this.errorAfter('get', element);
    if (error && this.version === '2004' && error.code === NOT_INITIALIZED_2004) error = null;
    const value = error || result === null || result === undefined ? '' : String(result);
    this.options.log?.({ call: this.methods.get, element, error });
    return { value, error };
  }

  private booleanCall(call: Call, args: string[], element?: string): LmsError | null {
    const { result, thrown } = this.invoke(call, args);
    let error: LmsError | null = thrown;
    if (!error && String(result) !== 'true') {
      error = this.errorAfter(call, element) ?? (call === 'set' && this.options.falseWithoutErrorIsSuccess ? null : this.describe(call, element, 0));
    }
    this.options.log?.({ call: this.methods[call], element, value: args[1], error });
    return error;
  }

  private invoke(call: Call, args: string[]): { result: unknown; thrown: LmsError | null } {
    const fn = (this.api as Record<string, unknown>)[this.methods[call]];
    if (typeof fn !== 'function') return { result: null, thrown: { call: this.methods[call], code: -1, text: `The LMS has no ${this.methods[call]} function`, diagnostic: '' } };
    try {
      return { result: fn.apply(this.api, args), thrown: null };
    } catch (e) {
      return { result: null, thrown: { call: this.methods[call], element: args.length > 1 ? args[0] : undefined, code: -1, text: `The LMS's ${this.methods[call]} failed: ${String(e)}`, diagnostic: '' } };
    }
  }

  /** The error the LMS reports for the last call, or null when it reports none. */
  private errorAfter(call: Call, element?: string): LmsError | null {
    const code = Number(this.safeCall('lastError', []));
    return Number.isFinite(code) && code !== 0 ? this.describe(call, element, code) : null;
  }

  private describe(call: Call, element: string | undefined, code: number): LmsError {
    const error: LmsError = {
      call: this.methods[call],
      code,
      text: code === 0 ? 'The LMS answered "false" without giving an error code' : String(this.safeCall('errorString', [String(code)]) ?? ''),
      diagnostic: code === 0 ? '' : String(this.safeCall('diagnostic', [String(code)]) ?? ''),
    };
    if (element !== undefined) error.element = element;
    return error;
  }

  private safeCall(call: Call, args: string[]): unknown {
    const fn = (this.api as Record<string, unknown>)[this.methods[call]];
    if (typeof fn !== 'function') return null;
    try {
      return fn.apply(this.api, args);
    } catch {
      return null;
    }
  }
}

/**
 * The LMS refused this value itself (bad argument, element not implemented, read-only, wrong type, out of range: codes
 * 2xx and 4xx in both versions), so sending it again cannot help. Anything else (general exceptions, calls before
 * Initialize or after Terminate, general set/commit failures, no answer) is the LMS failing or gone: worth retrying.
 */
export function isRefusedValue(error: LmsError): boolean {
  return (error.code >= 201 && error.code <= 299) || (error.code >= 401 && error.code <= 499);
}

/** The technical detail of a failed call, for support staff: the LMS's words, its code, the element. */
export function lmsErrorDetail(error: LmsError): string {
  return [error.text.trim() || error.call, error.code > 0 ? `error ${error.code}` : '', error.element ?? ''].filter(Boolean).join(', ');
}

/** A failed call in a sentence, for the console. */
export function describeLmsError(error: LmsError): string {
  return `${error.call} failed (${lmsErrorDetail(error)})`;
}
