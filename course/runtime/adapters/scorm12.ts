// SCORM 1.2: the LMS's API object (window.API in this frame, a parent or the opener).
import type { AdapterModule } from '../adapter-modules.ts';
import { findScormApi } from '../scorm/find-api.ts';
import { scorm12Model } from '../scorm/data-model-12.ts';
import { scormSession } from '../scorm/scorm-transport.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';

export const open: AdapterModule['open'] = async (config, win, deps) => {
  const api = findScormApi(win, scorm12Model.apiName);
  return api ? scormSession(config, win, api, scorm12Model, await loadRuntimeDeps(win, deps)) : null;
};
