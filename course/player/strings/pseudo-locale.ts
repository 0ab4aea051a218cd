// The pseudo-locale's words (languages.ts PSEUDO_LOCALE, "en-XA"): the en-GB catalogues run through a pure transform,
// never a copy, so they always hold exactly what en-GB holds. Every letter is accented, each string grows by about a
// third (translations run longer than English) and is bracketed, so a page built in it shows at a glance any word that
// did not come from a catalogue (plain ASCII letters), any string cut short (no closing bracket) and any layout that
// cannot take longer words. Only a pseudo-locale package loads this module (languages.ts imports it on demand).

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ';
const ACCENT = new Map([...PLAIN].map((letter, i) => [letter, ACCENTED[i]!]));

/** How much longer a pseudo-localised string is than its source, as a share of its own text. */
export const GROWTH = 0.35;

/** What lengthens a string: accented words, so that no plain letter appears in pseudo-localised text. */
const FILLER = accent(' one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen');

/** video.js's "{1}" placeholders, which it fills in itself. */
const PLACEHOLDER = /\{\d+\}/;

function accent(text: string): string {
  let out = '';
  for (const character of text) out += ACCENT.get(character) ?? character;
  return out;
}

const escapeForRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Back" → "[Ɓåçķ ö]": accented, lengthened by GROWTH, bracketed. Placeholders and the `kept` texts (a function's
 * arguments: course data such as a screen's title, which is not the catalogue's to change) pass through untouched;
 * text with no letter of its own (a separator) is left alone.
 */
export function pseudoText(text: string, kept: readonly string[] = []): string {
  const protect = [...new Set(kept.filter((value) => /\p{L}/u.test(value)))].sort((a, b) => b.length - a.length);
  const pattern = new RegExp([PLACEHOLDER.source, ...protect.map(escapeForRegExp)].join('|'), 'gu');
  const pieces = text.split(pattern);
  const untouched = text.match(pattern) ?? [];
  if (!/\p{L}/u.test(pieces.join(''))) return text;
  const ownLength = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const grown = pieces.map((piece, i) => accent(piece) + (untouched[i] ?? '')).join('');
  return `[${grown}${padding(Math.ceil(ownLength * GROWTH))}]`;
}

/** `length` characters of filler (at least a space and a letter), cut at a character, never inside one. */
function padding(length: number): string {
  let out = '';
  while (out.length < Math.max(2, length)) out += FILLER;
  return out.slice(0, Math.max(2, length)).trimEnd();
}

/**
 * A catalogue function in the pseudo-locale: called with its arguments as they are (codes still pick their words,
 * numbers their plurals), then its result pseudo-localised around the text arguments it holds, so only the
 * catalogue's own words change.
 */
function pseudoFunction(entry: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    const result = entry(...args);
    if (typeof result !== 'string') return result;
    const texts = args.flatMap((arg) => (typeof arg === 'string' ? [arg] : Array.isArray(arg) ? arg.filter((item): item is string => typeof item === 'string') : []));
    return pseudoText(result, texts);
  };
}

function pseudoValue(value: unknown): unknown {
  if (typeof value === 'string') return pseudoText(value);
  if (typeof value === 'function') return pseudoFunction(value as (...args: unknown[]) => unknown);
  if (Array.isArray(value)) return value.map(pseudoValue);
  if (value !== null && typeof value === 'object') {
    // Keys stay: they are how the player (and video.js, for its control labels) looks the words up.
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, pseudoValue(entry)]));
  }
  return value;
}

/** One pseudo catalogue per source catalogue, so every render is handed the same object (the player caches by it). */
const made = new WeakMap<object, object>();

/** The pseudo-locale version of a catalogue (any of the three parts), of the same shape. */
export function pseudoLocalise<T extends object>(catalogue: T): T {
  let pseudo = made.get(catalogue);
  if (!pseudo) {
    pseudo = pseudoValue(catalogue) as object;
    made.set(catalogue, pseudo);
  }
  return pseudo as T;
}
