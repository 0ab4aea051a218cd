// Reading a fault-switch change from the LMS page (or a test): a partial object, each field checked, merged onto the
// current switches. Anything unknown or out of range is refused whole, so a typo never half-applies.
import { HttpError } from './http-util.ts';
import { MAX_SLOW_MS, type Faults, type LrsDownMode } from './protocol.ts';

const LRS_DOWN_MODES: readonly LrsDownMode[] = ['off', 'http-503', 'refuse'];

export function mergeFaults(current: Readonly<Faults>, change: unknown): Faults {
  if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new HttpError(400, 'faults must be a JSON object');
  const next: Faults = { ...current };
  for (const [key, value] of Object.entries(change)) {
    switch (key) {
      case 'commitFails':
      case 'lmsGone':
        if (typeof value !== 'boolean') throw new HttpError(400, `${key} must be true or false`);
        next[key] = value;
        break;
      case 'lrsDown':
        if (!LRS_DOWN_MODES.includes(value as LrsDownMode)) throw new HttpError(400, `lrsDown must be one of ${LRS_DOWN_MODES.join(', ')}`);
        next.lrsDown = value as LrsDownMode;
        break;
      case 'slowMs':
        if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_SLOW_MS) {
          throw new HttpError(400, `slowMs must be a whole number of milliseconds from 0 to ${MAX_SLOW_MS}`);
        }
        next.slowMs = value;
        break;
      default:
        throw new HttpError(400, `unknown fault "${key}"`);
    }
  }
  return next;
}
