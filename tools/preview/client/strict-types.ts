// The SCORM data types as the strictest LMSs check them, written from the SCORM 1.2 and 2004 run-time books and what
// Moodle 5.0's players refuse (mod/scorm/datamodels/scorm_12.js, scorm_13.js). Where the book allows more than Moodle
// (a longer characterstring, an empty identifier), the check takes the stricter of the two. Pure functions: the LMS
// page uses them in the browser, the tests in Node.

/** The generic name of an element: "cmi.interactions.3.id" → "cmi.interactions.n.id". */
export function genericElement(element: string): string {
  return element.replace(/\.\d+(?=\.|$)/g, '.n');
}

/** The collection indexes of an element, outermost first: "cmi.interactions.3.correct_responses.0.pattern" → [3, 0]. */
export function indexesOf(element: string): number[] {
  return [...element.matchAll(/\.(\d+)(?=\.|$)/g)].map((match) => Number(match[1]));
}

// --- SCORM 1.2 ----------------------------------------------------------------------------------------------------

/** CMIIdentifier: printable ASCII without spaces, 1 to 255 characters. */
export const IDENTIFIER_12 = /^[\x21-\x7E]{1,255}$/;
/** CMITime, a time of day: HH:MM:SS with optional hundredths. */
export const TIME_12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
/** CMITimespan: HHHH:MM:SS.SS, two to four digits of hours. */
export const TIMESPAN_12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
/** CMIDecimal as Moodle reads it (at most three digits before the point), with at least one digit. */
export const DECIMAL_12 = /^-?(\d{1,3}(\.\d*)?|\.\d+)$/;

// --- SCORM 2004 ---------------------------------------------------------------------------------------------------

/** short_identifier_type as Moodle checks it: word characters and dots only, 1 to 250. */
export const SHORT_IDENTIFIER = /^[\w.]{1,250}$/;
/** long_identifier_type: no white space, at most 4,000; a "urn:" must be a well-formed URN. */
export const LONG_IDENTIFIER = /^(?:(?!urn:)\S{1,4000}|urn:[A-Za-z0-9-]{1,31}:\S{1,4000})$/;
/** real(10,7) as Moodle reads it: at most five digits before the point and eighteen after. */
export const DECIMAL_2004 = /^-?\d{1,5}(\.\d{1,18})?$/;
/** timeinterval (second,10,2): ISO 8601 duration, at least one part, hundredths at most. */
export const TIMESPAN_2004 = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
/** time (second,10,0): a date-time from 1970 to 2038, truncated anywhere after the year; a zone only after fractions. */
export const TIME_2004 =
  /^(19[7-9]\d|20[0-2]\d|203[0-8])(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d{1,2}(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?)?)?)?)?)?$/;
/** The language tag of a localized string: a two- or three-letter code (or i / x) and optional subtags. */
const LANGUAGE = /^([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9]{2,8})*$/;

/** A localized_string_type value: "{lang=xx}" (optional) then at most `max` characters on one line, not opening "{". */
export function localizedStringProblem(value: string, max: number): string | null {
  let text = value;
  const prefix = /^\{lang=([^}]*)\}/.exec(value);
  if (prefix) {
    if (!LANGUAGE.test(prefix[1] ?? '')) return `"${prefix[1]}" is not a language tag`;
    text = value.slice(prefix[0].length);
  }
  if (text.startsWith('{')) return 'the text may not begin with "{" (it would read as a delimiter)';
  if (/[\r\n]/.test(text)) return 'the text holds a line break';
  if (text.length > max) return `the text is ${text.length} characters, more than ${max}`;
  return null;
}

/** A decimal within [min, max] (inclusive). */
export function inRange(value: string, min: number, max: number): boolean {
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max;
}
