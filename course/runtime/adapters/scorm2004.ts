// SCORM 2004, 3rd or 4th edition as the package says: the LMS's API_1484_11 object (this frame, a parent or the
// opener). The editions share the run-time API; the data model takes the edition's limits. The session opens up
// front (scorm-opening.ts); the rest of it follows right after the first screen (shared/opening-session.ts).
import type { AdapterModule } from '../adapter-modules.ts';
import { findScormApi } from '../scorm/find-api.ts';
import { scorm2004Model } from '../scorm/data-model-2004.ts';
import { ScormOpening } from '../scorm/scorm-opening.ts';
import { OpeningSession } from '../shared/opening-session.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';

export const open: AdapterModule['open'] = async (config, win, given) => {
  if (config.standard !== 'scorm2004-3rd' && config.standard !== 'scorm2004-4th') return null;
  const model = scorm2004Model(config.standard);
  const api = findScormApi(win, model.apiName);
  if (!api) return null;
  const deps = await loadRuntimeDeps(win, given);
  return new OpeningSession(config, win, deps, new ScormOpening(config, api, model, deps));
};
