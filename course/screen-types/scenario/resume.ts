// A scenario's saved path is replayed on resume: it keeps the steps that still follow from the start by choices that
// still exist, so a path saved under an edited scenario never puts the learner on a step they could not reach.
import { replayPath } from '../../player/logic/scenario.ts';
import { withoutKeys } from '../screen-type-rules.ts';
import type { ScreenTypeResume } from '../screen-type-resume.ts';

export const scenarioResume: ScreenTypeResume<'scenario'> = {
  clean(saved, kept, _course, map) {
    for (const [screenId, path] of Object.entries(saved.scenarioPaths ?? {})) {
      const screen = map.byId.get(screenId)?.screen;
      if (screen?.type !== 'scenario' || !Array.isArray(path)) continue;
      const valid = replayPath(screen, path).taken.map(({ step, choice }): [string, string] => [step.id, choice.id]);
      if (valid.length > 0) kept.scenarioPaths[screenId] = valid;
    }
  },
  restart: (screen, state) => ({ ...state, scenarioPaths: withoutKeys(state.scenarioPaths, [screen.id]) }),
};
