// The chunk of the course's rules (state/rules.ts says why it is one): the outcome, and when a screen is done or
// started, with the marking they rest on.
import type { CourseRules } from './rules.ts';
import { computeOutcome, sameOutcome } from '../logic/outcome.ts';
import { isDoneOnVisit, isScreenStarted, meetsScreenRule } from '../logic/screen-completion.ts';

export const courseRules: CourseRules = { computeOutcome, sameOutcome, isDoneOnVisit, meetsScreenRule, isScreenStarted };
