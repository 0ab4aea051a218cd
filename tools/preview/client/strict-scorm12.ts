// What a strict SCORM 1.2 LMS refuses in LMSSetValue, beyond what scorm-again checks: the CMI data types and the
// smallest permitted maxima (CMIString256 / 4096, CMIFeedback 255), each with the code the 1.2 book gives ("405
// Incorrect data type" for a value of the wrong type or out of range). Moodle checks the types with regular expressions
// of its own (mod/scorm/datamodels/scorm_12.js, strict mode for the maxima); the responses of each interaction type
// follow the book's CMIFeedback formats, which some LMSs check and Moodle does not.
import { DECIMAL_12, genericElement, IDENTIFIER_12, inRange, TIME_12, TIMESPAN_12 } from './strict-types.ts';

export interface Refusal {
  code: number;
  /** Why, for the inspector and the conformance report. */
  reason: string;
}

/** 1.2's "Incorrect data type". */
const TYPE_MISMATCH = 405;

type Check = (value: string, interactionType: string | undefined) => string | null;

const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    allowed.includes(value) ? null : `"${value}" is not one of ${allowed.map((a) => `"${a}"`).join(', ')}`;
const matches =
  (pattern: RegExp, what: string): Check =>
  (value) =>
    pattern.test(value) ? null : `"${shown(value)}" is not ${what}`;
const atMost =
  (max: number, what: string): Check =>
  (value) =>
    value.length <= max ? null : `${value.length} characters is over the limit of ${max} (${what})`;
const score: Check = (value) => (DECIMAL_12.test(value) && inRange(value, 0, 100) ? null : `"${shown(value)}" is not a CMIDecimal from 0 to 100`);

const STATUSES = ['passed', 'completed', 'failed', 'incomplete', 'browsed'];

const CHECKS: Readonly<Record<string, Check>> = {
  'cmi.core.lesson_location': atMost(255, 'CMIString256'),
  'cmi.core.lesson_status': oneOf(...STATUSES),
  'cmi.core.score.raw': score,
  'cmi.core.score.min': score,
  'cmi.core.score.max': score,
  'cmi.core.exit': oneOf('time-out', 'suspend', 'logout', ''),
  'cmi.core.session_time': matches(TIMESPAN_12, 'a CMITimespan (HHHH:MM:SS.SS)'),
  'cmi.suspend_data': atMost(4096, 'CMIString4096'),
  'cmi.comments': atMost(4096, 'CMIString4096'),
  'cmi.objectives.n.id': matches(IDENTIFIER_12, 'a CMIIdentifier (printable ASCII, no spaces, at most 255)'),
  'cmi.objectives.n.status': oneOf(...STATUSES, 'not attempted'),
  'cmi.objectives.n.score.raw': score,
  'cmi.objectives.n.score.min': score,
  'cmi.objectives.n.score.max': score,
  'cmi.student_preference.audio': (value) => (/^-?\d+$/.test(value) && inRange(value, -1, 100) ? null : `"${shown(value)}" is not a CMISInteger from -1 to 100`),
  'cmi.student_preference.language': atMost(255, 'CMIString256'),
  'cmi.student_preference.speed': (value) => (/^-?\d+$/.test(value) && inRange(value, -100, 100) ? null : `"${shown(value)}" is not a CMISInteger from -100 to 100`),
  'cmi.student_preference.text': oneOf('-1', '0', '1'),
  'cmi.interactions.n.id': matches(IDENTIFIER_12, 'a CMIIdentifier (printable ASCII, no spaces, at most 255)'),
  'cmi.interactions.n.objectives.n.id': matches(IDENTIFIER_12, 'a CMIIdentifier'),
  'cmi.interactions.n.time': matches(TIME_12, 'a CMITime (HH:MM:SS)'),
  'cmi.interactions.n.type': oneOf('true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'),
  'cmi.interactions.n.weighting': (value) => (DECIMAL_12.test(value) && inRange(value, -100, 100) ? null : `"${shown(value)}" is not a CMIDecimal from -100 to 100`),
  'cmi.interactions.n.student_response': feedback,
  'cmi.interactions.n.correct_responses.n.pattern': feedback,
  'cmi.interactions.n.result': (value) => (['correct', 'wrong', 'unanticipated', 'neutral'].includes(value) || DECIMAL_12.test(value) ? null : `"${shown(value)}" is not a CMIResult`),
  'cmi.interactions.n.latency': matches(TIMESPAN_12, 'a CMITimespan (HHHH:MM:SS.SS)'),
};

/** CMIFeedback: at most 255 characters, in the format of the interaction's type (SCORM 1.2 RTE 3.4.2). */
function feedback(value: string, type: string | undefined): string | null {
  if (value.length > 255) return `${value.length} characters is over CMIFeedback's limit of 255`;
  switch (type) {
    case 'true-false':
      return /^[01tf]$/.test(value) ? null : `"${shown(value)}" is not a true-false response (0, 1, t or f)`;
    case 'choice':
      return /^[0-9a-z](,[0-9a-z])*$/.test(value) || /^\{[0-9a-z](,[0-9a-z])*\}$/.test(value) ? null : `"${shown(value)}" is not a choice response (single characters 0-9, a-z, separated by commas)`;
    case 'likert':
      return /^[0-9a-z]?$/.test(value) ? null : `"${shown(value)}" is not a likert response (one character 0-9 or a-z)`;
    case 'numeric':
      return DECIMAL_12.test(value) || /^-?\d+(\.\d+)?$/.test(value) ? null : `"${shown(value)}" is not a numeric response`;
    default:
      return null;
  }
}

/**
 * The refusal a strict 1.2 LMS gives `LMSSetValue(element, value)`, or null when it takes it. `interactionType` reads
 * cmi.interactions.n.type as the LMS holds it (responses are checked against it).
 */
export function strict12Refusal(element: string, value: string, interactionType: (index: number) => string | undefined): Refusal | null {
  const generic = genericElement(element);
  const check = CHECKS[generic];
  if (!check) return null;
  const index = /^cmi\.interactions\.(\d+)\./.exec(element);
  const problem = check(value, index ? interactionType(Number(index[1])) : undefined);
  return problem === null ? null : { code: TYPE_MISMATCH, reason: `${element}: ${problem}` };
}

function shown(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}
