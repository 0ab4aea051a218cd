// SCORM 2004, 3rd or 4th edition as the package says: the LMS's API_1484_11 object (this frame, a parent or the
// opener). The editions share the run-time API; the data model takes the edition's limits.
import type { AdapterModule } from '../adapter-modules.ts';
import { findScormApi } from '../scorm/find-api.ts';
import { scorm2004Model } from '../scorm/data-model-2004.ts';
import { scormSession } from '../scorm/scorm-transport.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';

export const open: AdapterModule['open'] = async (config, win, deps) => {
  if (config.standard !== 'scorm2004-3rd' && config.standard !== 'scorm2004-4th') return null;
  const model = scorm2004Model(config.standard);
  const api = findScormApi(win, model.apiName);
  return api ? scormSession(config, win, api, model, await loadRuntimeDeps(win, deps)) : null;
};
