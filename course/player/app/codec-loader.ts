// The learner state's codec (the saved format and lz-string) and the resume rules are a chunk of their own
// (saved-progress.ts), about a fifth of the player's code. Start-up asks for it at once, beside the tracking adapter,
// but only a resume waits for it: a first launch has nothing to decode, so its first screen shows without it, and
// the first save waits for it instead.
import type { Course } from '../../types.ts';
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
