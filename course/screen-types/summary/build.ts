// The summary screen's build tier: its schema piece and nothing else. It declares no ids, holds no questions, names
// no outcomes or sources of its own, and adds nothing to the time estimate beyond its title and body.
import type { ScreenTypeBuild } from '../screen-type-build.ts';

export const summaryBuild: ScreenTypeBuild<'summary'> = {
  schema: new URL('./schema.json', import.meta.url),
};
