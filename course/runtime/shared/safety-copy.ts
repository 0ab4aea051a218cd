// The learner's latest state kept in this browser until the LMS or LRS confirms it, then removed: hospital PCs are
// shared, so nothing personal may stay behind once it is safe elsewhere. The copy remembers which saved state it
// continues from, so a copy left on this PC is only used when the LMS still holds that same state (the learner did
// not carry on somewhere else in between).
import { hash32 } from '../state/hash.ts';
import type { KeyValueStore } from './browser-storage.ts';

export interface SafetyCopy {
  state: string;
  location: string;
  savedAt: number;
  /** Fingerprint of the LMS's confirmed state this copy continues from. */
  base: string;
}

export function fingerprint(state: string | null): string {
  return state === null || state === '' ? 'empty' : `${hash32(state).toString(36)}.${state.length}`;
}

export function safetyCopyKey(courseId: string, standard: string, learnerId: string | null): string {
  return `common-ground:unconfirmed:${courseId}:${standard}:${learnerId ?? 'anonymous'}`;
}

export class SafetyCopyStore {
  constructor(
    private readonly store: KeyValueStore | null,
    readonly key: string,
  ) {}

  /** Whether copies can be kept at all in this browser. */
  get available(): boolean {
    return this.store !== null;
  }

  read(): SafetyCopy | null {
    const raw = this.store?.get(this.key);
    if (!raw) return null;
    try {
      const copy = JSON.parse(raw) as Partial<SafetyCopy>;
      if (typeof copy.state === 'string' && typeof copy.location === 'string' && typeof copy.base === 'string') {
        return { state: copy.state, location: copy.location, savedAt: Number(copy.savedAt) || 0, base: copy.base };
      }
    } catch {
      // An unreadable copy is worth nothing: drop it below.
    }
    this.clear();
    return null;
  }

  write(copy: SafetyCopy): boolean {
    return this.store?.set(this.key, JSON.stringify(copy)) ?? false;
  }

  clear(): void {
    this.store?.remove(this.key);
  }
}

/**
 * The state to resume from: an unconfirmed copy that continues what the LMS holds wins over it (the last session's
 * final save did not arrive); any other copy is stale and is dropped.
 */
export function chooseResumeState(lmsState: string | null, copy: SafetyCopy | null): { state: string | null; fromCopy: boolean } {
  if (copy && copy.state !== lmsState && copy.base === fingerprint(lmsState)) return { state: copy.state, fromCopy: true };
  return { state: lmsState, fromCopy: false };
}
