// cmi5: the launch parameters, the one-time auth token (kept for reloads), LMS.LaunchData and the learner's
// preferences and the resume document up front (xapi-opening.ts), then, right after the first screen, a session whose
// statements follow cmi5's rules (cmi5-session.ts).
import type { AdapterModule } from '../adapter-modules.ts';
import { OpeningSession } from '../shared/opening-session.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';
import { LrsClient } from '../xapi/lrs-client.ts';
import { authorization, forgetAuthorization, launchModeOf, readCmi5Params, readLaunchData, readLearnerPreferences } from '../xapi/cmi5-launch.ts';
import { XapiOpening } from '../xapi/xapi-opening.ts';
import { learnerOf } from '../xapi/actor.ts';

export const open: AdapterModule['open'] = async (config, win, given) => {
  const params = readCmi5Params(win.location?.search ?? '');
  if (!params) return null;
  const deps = await loadRuntimeDeps(win, given);
  const auth = await authorization(params, deps.fetch, deps.sessionStore);
  const client = new LrsClient(params.endpoint, auth, deps.fetch);
  const launchData = await readLaunchData(client, params);
  await readLearnerPreferences(client, params.actor);
  const frame = {
    actor: params.actor,
    activityId: params.activityId,
    courseIri: config.course.iri,
    courseTitle: config.course.title,
    language: config.course.language,
    registration: params.registration,
    contextTemplate: launchData.contextTemplate,
  };
  const document = { activityId: params.activityId, agent: params.actor, registration: params.registration };
  const launch = { client, frame, document, mode: launchModeOf(launchData), learner: learnerOf(params.actor) };
  const opening = new XapiOpening('cmi5', config, win, launch, deps, async (opened) => {
    const { Cmi5Session } = await import('../xapi/cmi5-session.ts');
    return new Cmi5Session(opened, launchData, () => forgetAuthorization(params, deps.sessionStore));
  });
  return new OpeningSession(config, win, deps, opening);
};
