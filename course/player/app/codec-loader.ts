// The learner state's codec (the saved format and lz-string) and the resume rules are a chunk of their own
// (saved-progress.ts), about a fifth of the player's code. A resume waits for it at start-up; a first launch has
// nothing to decode, so its first screen shows without it and asks for it only once that screen is up (at the first
// save, or when the browser is next idle), so that it never competes with what the first screen needs. A save made
// before it arrives waits for it.
import type { Course } from '../../model/types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';

export type StateCodec = typeof import('./saved-progress.ts');

export interface CodecLoader {
  /** The codec once it has arrived, else null. */
  readonly ready: StateCodec | null;
  /** The codec; a failed fetch is forgotten, so the next call tries again (a save retries on the next change). */
  load(): Promise<StateCodec>;
}

export function codecLoader(fetchCodec: () => Promise<StateCodec> = () => import('./saved-progress.ts')): CodecLoader {
  let ready: StateCodec | null = null;
  let loading: Promise<StateCodec> | null = null;
  return {
    get ready() {
      return ready;
    },
    load() {
      loading ??= fetchCodec().then(
        (codec) => (ready = codec),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
  };
}

/**
 * The encoder the session saves with: synchronous once the codec is here (so a save on page hide reaches the tracker
 * before the page goes), a promise until then. `onLoadFailed` hears of a fetch that failed, so the learner can be
 * told that this change has not been saved.
 */
export function stateEncoder(codec: CodecLoader, course: Course, onLoadFailed: () => void): (state: LearnerState) => string | Promise<string> {
  return (state) => {
    const ready = codec.ready;
    if (ready) return ready.encodeState(state, course);
    return codec.load().then(
      (loaded) => loaded.encodeState(state, course),
      (error: unknown) => {
        onLoadFailed();
        throw error;
      },
    );
  };
}

/** The parts of a window loadWhenIdle uses (requestIdleCallback is missing in some browsers, Safari among them). */
export interface IdleHost {
  requestIdleCallback?(callback: () => void, options?: { timeout: number }): number;
  cancelIdleCallback?(handle: number): void;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
}

/** Longest wait for an idle moment: a busy page still gets the codec soon after its first screen. */
const IDLE_TIMEOUT_MS = 1000;

/**
 * Asks for the codec when the browser is next idle (or after a second at most), so that it is here before the
 * learner can have done anything worth saving. A failed fetch is left to the next save to retry. Returns a function
 * that cancels the request if it has not run yet.
 */
export function loadWhenIdle(codec: CodecLoader, host: IdleHost): () => void {
  const load = (): void => void codec.load().catch(() => undefined);
  if (codec.ready) return () => {};
  if (host.requestIdleCallback && host.cancelIdleCallback) {
    const handle = host.requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS });
    return () => host.cancelIdleCallback?.(handle);
  }
  const handle = host.setTimeout(load, 0);
  return () => host.clearTimeout(handle);
}
