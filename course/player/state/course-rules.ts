// The course-logic chunk's entry (state/rules.ts says why it is a chunk): the reducer, the reports, the outcome and
// when a screen is started, with the marking they rest on.
import type { CourseRules } from './rules.ts';
import { applyAction } from './reduce.ts';
import { ratingRecord } from '../../screen-types/confidence/rules.ts';
import { computeOutcome } from '../logic/outcome.ts';
import { isScreenStarted } from '../logic/screen-completion.ts';

export const courseRules: CourseRules = { applyAction, ratingRecord, computeOutcome, isScreenStarted };
