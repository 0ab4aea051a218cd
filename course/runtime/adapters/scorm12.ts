// SCORM 1.2: the LMS's API object (window.API in this frame, a parent or the opener). The session opens up front
// (scorm-opening.ts); the rest of it follows right after the first screen (shared/opening-session.ts).
import type { AdapterModule } from '../adapter-modules.ts';
import { findScormApi } from '../scorm/find-api.ts';
import { scorm12Model } from '../scorm/data-model-12.ts';
import { ScormOpening } from '../scorm/scorm-opening.ts';
import { OpeningSession } from '../shared/opening-session.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';

export const open: AdapterModule['open'] = async (config, win, given) => {
  const api = findScormApi(win, scorm12Model.apiName);
  if (!api) return null;
  const deps = await loadRuntimeDeps(win, given);
  return new OpeningSession(config, win, deps, new ScormOpening(config, api, scorm12Model, deps));
};
