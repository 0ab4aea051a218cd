// How much saved learner state each standard can hold, in characters (the saved form is ASCII, so also bytes). Each
// standard's module (runtime/standards/) states its limit and why; this is the table the codec and budgets read.
import type { StandardId } from '../../model/types.ts';
import { perStandard } from '../standards/index.ts';

export const SUSPEND_DATA_LIMITS: Readonly<Record<StandardId, number>> = perStandard(({ suspendDataLimit }) => suspendDataLimit);
