// The voices screen's course logic: it asks only to be read, so it is done on arrival, is never part-done,
// and it reports nothing.
import type { ScreenRules } from '../screen-type-rules.ts';

export const voicesRules: ScreenRules<'voices'> = { completion: 'visit' };
