// What a strict SCORM 2004 LMS refuses in SetValue, beyond what scorm-again checks: the data types of the 4th
// edition run-time book, as strict as Moodle 5.0 reads them (mod/scorm/datamodels/scorm_13.js): short identifiers of
// word characters and dots only (no hyphen), localized strings on one line, its decimal, time and time-interval forms,
// and each interaction type's response and pattern formats. Codes as the book gives them: 406 type mismatch, 407 out
// of range, 351 for a pattern or objective id the collection already holds.
import { DECIMAL_2004, genericElement, inRange, indexesOf, localizedStringProblem, LONG_IDENTIFIER, SHORT_IDENTIFIER, TIME_2004, TIMESPAN_2004 } from './strict-types.ts';
import type { Refusal } from './strict-scorm12.ts';

const TYPE_MISMATCH = 406;
const OUT_OF_RANGE = 407;
const GENERAL_SET_FAILURE = 351;

/** Reads the data model as the LMS holds it (undefined: never set). */
export type ModelReader = (element: string) => string | undefined;

type Problem = { code: number; text: string } | null;
type Check = (value: string, element: string, read: ModelReader) => Problem;

const mismatch = (text: string): Problem => ({ code: TYPE_MISMATCH, text });
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    allowed.includes(value) ? null : mismatch(`"${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
const matches =
  (pattern: RegExp, what: string): Check =>
  (value) =>
    pattern.test(value) ? null : mismatch(`"${shown(value)}" is not ${what}`);
const atMost =
  (max: number, what: string): Check =>
  (value) =>
    value.length <= max ? null : mismatch(`${value.length} characters is over the limit of ${max} (${what})`);
const real =
  (min?: number, max?: number): Check =>
  (value) => {
    if (!DECIMAL_2004.test(value)) return mismatch(`"${shown(value)}" is not a real(10,7) decimal`);
    if (min !== undefined && max !== undefined && !inRange(value, min, max)) return { code: OUT_OF_RANGE, text: `${value} is outside ${min} to ${max}` };
    return null;
  };
const localized =
  (max: number): Check =>
  (value) => {
    const problem = localizedStringProblem(value, max);
    return problem ? mismatch(`"${shown(value)}": ${problem}`) : null;
  };
const longIdentifier = matches(LONG_IDENTIFIER, 'a long_identifier_type (no white space; a "urn:" must be a URN)');

const COMPLETION = ['completed', 'incomplete', 'not attempted', 'unknown'];
const SUCCESS = ['passed', 'failed', 'unknown'];

const CHECKS: Readonly<Record<string, Check>> = {
  'cmi.completion_status': oneOf(...COMPLETION),
  'cmi.success_status': oneOf(...SUCCESS),
  'cmi.exit': oneOf('time-out', 'suspend', 'logout', 'normal', ''),
  'cmi.location': atMost(1000, 'characterstring SPM 1,000'),
  'cmi.suspend_data': atMost(64_000, 'characterstring SPM 64,000'),
  'cmi.progress_measure': real(0, 1),
  'cmi.score.scaled': real(-1, 1),
  'cmi.score.raw': real(),
  'cmi.score.min': real(),
  'cmi.score.max': real(),
  'cmi.session_time': matches(TIMESPAN_2004, 'a timeinterval (ISO 8601 duration, at most hundredths of a second)'),
  'cmi.learner_preference.audio_level': real(0, 1e9),
  'cmi.learner_preference.delivery_speed': real(0, 1e9),
  'cmi.learner_preference.audio_captioning': oneOf('-1', '0', '1'),
  'cmi.learner_preference.language': (value) => (value === '' || /^([a-zA-Z]{2,3}|i|x)(-[a-zA-Z0-9]{2,8})*$/.test(value) ? null : mismatch(`"${value}" is not a language tag`)),
  'cmi.comments_from_learner.n.comment': localized(4000),
  'cmi.comments_from_learner.n.location': atMost(250, 'characterstring SPM 250'),
  'cmi.comments_from_learner.n.timestamp': matches(TIME_2004, 'a time (second,10,0) from 1970 to 2038'),
  'cmi.objectives.n.id': objectiveId,
  'cmi.objectives.n.success_status': oneOf(...SUCCESS),
  'cmi.objectives.n.completion_status': oneOf(...COMPLETION),
  'cmi.objectives.n.progress_measure': real(0, 1),
  'cmi.objectives.n.score.scaled': real(-1, 1),
  'cmi.objectives.n.score.raw': real(),
  'cmi.objectives.n.score.min': real(),
  'cmi.objectives.n.score.max': real(),
  'cmi.objectives.n.description': localized(250),
  'cmi.interactions.n.id': longIdentifier,
  'cmi.interactions.n.type': oneOf('true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other'),
  'cmi.interactions.n.objectives.n.id': longIdentifier,
  'cmi.interactions.n.timestamp': matches(TIME_2004, 'a time (second,10,0) from 1970 to 2038'),
  'cmi.interactions.n.weighting': real(),
  'cmi.interactions.n.learner_response': (value, element, read) => responseProblem(value, typeOf(element, read), 'response'),
  'cmi.interactions.n.correct_responses.n.pattern': pattern,
  'cmi.interactions.n.result': (value) =>
    ['correct', 'incorrect', 'unanticipated', 'neutral'].includes(value) || DECIMAL_2004.test(value) ? null : mismatch(`"${shown(value)}" is not a result (correct, incorrect, unanticipated, neutral or a decimal)`),
  'cmi.interactions.n.latency': matches(TIMESPAN_2004, 'a timeinterval (ISO 8601 duration, at most hundredths of a second)'),
  'cmi.interactions.n.description': localized(250),
  'adl.nav.request': (value) =>
    /^(previous|continue|exit|exitAll|abandon|abandonAll|suspendAll|_none_)$/.test(value) || /^\{target=\S{0,200}[a-zA-Z0-9]\}(choice|jump)$/.test(value)
      ? null
      : mismatch(`"${shown(value)}" is not a navigation request`),
};

function objectiveId(value: string, element: string, read: ModelReader): Problem {
  if (!LONG_IDENTIFIER.test(value)) return mismatch(`"${shown(value)}" is not a long_identifier_type`);
  const [index = 0] = indexesOf(element);
  const current = read(element);
  if (current !== undefined && current !== value) return { code: GENERAL_SET_FAILURE, text: `objective ${index} already has the id "${current}" (write once)` };
  for (let n = 0; read(`cmi.objectives.${n}.id`) !== undefined; n++) {
    if (n !== index && read(`cmi.objectives.${n}.id`) === value) return { code: GENERAL_SET_FAILURE, text: `objective ${n} already has the id "${value}"` };
  }
  return null;
}

function pattern(value: string, element: string, read: ModelReader): Problem {
  const type = typeOf(element, read);
  const problem = responseProblem(value, type, 'pattern');
  if (problem) return problem;
  // A choice interaction may not hold the same correct pattern twice.
  const [interaction = 0, index = 0] = indexesOf(element);
  if (type === 'choice') {
    for (let n = 0; read(`cmi.interactions.${interaction}.correct_responses.${n}.pattern`) !== undefined; n++) {
      if (n !== index && read(`cmi.interactions.${interaction}.correct_responses.${n}.pattern`) === value) return { code: GENERAL_SET_FAILURE, text: `pattern ${n} is the same` };
    }
  }
  return null;
}

function typeOf(element: string, read: ModelReader): string | undefined {
  const [interaction = 0] = indexesOf(element);
  return read(`cmi.interactions.${interaction}.type`);
}

/** A learner response or correct pattern in the format its interaction type defines (4th edition RTE 4.2.9). */
function responseProblem(value: string, type: string | undefined, what: 'response' | 'pattern'): Problem {
  const nodes = (delimiter: string | null, max: number, unique: boolean, check: (node: string) => string | null): Problem => {
    const parts = delimiter === null ? [value] : value.split(delimiter);
    if (parts.length > max) return { code: GENERAL_SET_FAILURE, text: `${parts.length} parts, more than the ${max} a ${type} ${what} may hold` };
    for (const [i, part] of parts.entries()) {
      const problem = check(part);
      if (problem) return mismatch(`part ${i + 1} of the ${type} ${what}: ${problem}`);
      if (unique && parts.indexOf(part) !== i) return mismatch(`part ${i + 1} of the ${type} ${what} repeats "${part}"`);
    }
    return null;
  };
  const shortId = (node: string) => (SHORT_IDENTIFIER.test(node) ? null : `"${shown(node)}" is not a short_identifier_type (letters, digits, "_" and "." only)`);
  const withoutPrefixes = (node: string) => node.replace(/^(\{(case_matters|order_matters)=(true|false)\})+/, '');
  switch (type) {
    case undefined:
      return { code: 408, text: 'the interaction has no type yet' };
    case 'true-false':
      return value === 'true' || value === 'false' ? null : mismatch(`"${shown(value)}" is not "true" or "false"`);
    case 'choice':
      return value === '' ? null : nodes('[,]', 36, true, shortId);
    case 'sequencing':
      return nodes('[,]', 36, false, shortId);
    case 'likert':
      return nodes(null, 1, false, shortId);
    case 'fill-in':
      return nodes('[,]', 10, false, (node) => localizedStringProblem(what === 'pattern' ? withoutPrefixes(node) : node, 250));
    case 'long-fill-in':
      return nodes(null, 1, false, (node) => localizedStringProblem(what === 'pattern' ? withoutPrefixes(node) : node, 4000));
    case 'matching':
      return nodes('[,]', 36, false, (node) => {
        const pair = node.split('[.]');
        return pair.length === 2 && pair.every((part) => SHORT_IDENTIFIER.test(part)) ? null : `"${shown(node)}" is not two short identifiers joined by "[.]"`;
      });
    case 'numeric':
      if (what === 'response') return DECIMAL_2004.test(value) ? null : mismatch(`"${shown(value)}" is not a decimal`);
      return /^(-?\d{1,5}(\.\d{1,18})?)?\[:\](-?\d{1,5}(\.\d{1,18})?)?$/.test(value) || DECIMAL_2004.test(value) ? null : mismatch(`"${shown(value)}" is not a numeric range`);
    case 'performance':
    case 'other':
      return value.length <= 4000 ? null : mismatch(`${value.length} characters is over 4,000`);
    default:
      return mismatch(`the interaction's type "${type}" is not a type`);
  }
}

/** The refusal a strict 2004 LMS gives `SetValue(element, value)`, or null when it takes it. */
export function strict2004Refusal(element: string, value: string, read: ModelReader): Refusal | null {
  const check = CHECKS[genericElement(element)];
  if (!check) return null;
  const problem = check(value, element, read);
  return problem === null ? null : { code: problem.code, reason: `${element}: ${problem.text}` };
}

function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
