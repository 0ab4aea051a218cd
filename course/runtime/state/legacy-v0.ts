// Version 0: the prototype player's resume format, kept so that its saved states still load. It was plain JSON with
// full ids, compressed with lz-string's compressToBase64 and no checksum:
//   { "v": 0, "at": screenId, "done": [screenId…], "paths": { scenarioScreenId: "step:choice,step:choice" },
//     "answers": { questionId: "option,option" }, "tries": { questionId: n }, "notes": { promptId: text },
//     "conf": { "b": { itemId: rating }, "a": { itemId: rating } }, "film": { "pos": s, "seen": "0-30,45-60" },
//     "time": seconds }
// Each later version adds one reader like this one; the migration is "read the old shape into today's LearnerState".
import LZString from 'lz-string';
import { NO_SEED, type LearnerState } from './learner-state.ts';

/** The version-0 state, or null when the text is not one. */
export function readV0(text: string): LearnerState | null {
  let json: unknown;
  try {
    const raw = LZString.decompressFromBase64(text);
    if (!raw) return null;
    json = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(json) || json.v !== 0 || typeof json.at !== 'string') return null;
  const film = isRecord(json.film) ? json.film : {};
  const conf = isRecord(json.conf) ? json.conf : {};
  return {
    location: json.at,
    completedScreens: Array.isArray(json.done) ? json.done.filter((id): id is string => typeof id === 'string') : [],
    scenarioPaths: mapValues(json.paths, (path) =>
      typeof path === 'string' && path !== ''
        ? path.split(',').map((pair): [string, string] => {
            const [step = '', choice = ''] = pair.split(':');
            return [step, choice];
          })
        : null,
    ),
    answers: mapValues(json.answers, (ids) => (typeof ids === 'string' ? (ids === '' ? [] : ids.split(',')) : null)),
    attempts: mapValues(json.tries, (n) => (Number.isInteger(n) && (n as number) > 0 ? (n as number) : null)),
    reflections: mapValues(json.notes, (text) => (typeof text === 'string' ? text : null)),
    confidence: { before: mapValues(conf.b, rating), after: mapValues(conf.a, rating) },
    film: {
      position: typeof film.pos === 'number' && film.pos >= 0 ? film.pos : 0,
      played: typeof film.seen === 'string' ? parseRanges(film.seen) : [],
    },
    secondsSpent: typeof json.time === 'number' && json.time >= 0 ? json.time : 0,
    // Version 0 had neither: a seed is chosen on resume, and every check starts on its first attempt.
    seed: NO_SEED,
    checkAttempts: {},
  };
}

function rating(value: unknown): number | null {
  return Number.isInteger(value) && (value as number) >= 1 ? (value as number) : null;
}

function parseRanges(text: string): [number, number][] {
  return text
    .split(',')
    .map((range) => range.split('-').map(Number))
    .filter((pair): pair is [number, number] => pair.length === 2 && pair.every(Number.isFinite) && (pair[0] as number) < (pair[1] as number));
}

function mapValues<T>(value: unknown, convert: (v: unknown) => T | null): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(value)) return out;
  for (const [key, entry] of Object.entries(value)) {
    const converted = convert(entry);
    if (converted !== null) out[key] = converted;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
