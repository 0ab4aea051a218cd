// cmi5: the launch parameters, the one-time auth token (kept for reloads), LMS.LaunchData and the learner's
// preferences, "initialized" and the resume document up front (xapi-opening.ts), then, right after the first screen,
// a session whose statements follow cmi5's rules (cmi5-session.ts).
import type { AdapterModule } from '../adapter-modules.ts';
import { OpeningSession } from '../shared/opening-session.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';
import { LrsClient } from '../xapi/lrs-client.ts';
import { authorization, forgetAuthorization, launchModeOf, readCmi5Params, readLaunchData, readLearnerPreferences } from '../xapi/cmi5-launch.ts';
import { XapiOpening } from '../xapi/xapi-opening.ts';
import { learnerOf } from '../xapi/actor.ts';
import { cmi5Initialized } from '../xapi/cmi5-initialized.ts';
import { uuid } from '../xapi/uuid.ts';

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
  // "initialized" goes now, before the first screen and the rest of the session: a page closed before that has come
  // still leaves a session the LMS saw begin. Alone, and with keepalive: a page going while it is on its way cannot
  // send it again (the LMS takes it once, cmi5 9.3). Not waited for: the first screen needs only the resume document.
  const initialized = cmi5Initialized(frame, uuid(), deps.clock.now());
  const first = { statement: initialized, answer: client.postStatements([initialized], { keepalive: true }) };
  const opening = new XapiOpening('cmi5', config, win, launch, deps, async (opened) => {
    const { Cmi5Session } = await import('../xapi/cmi5-session.ts');
    return new Cmi5Session(opened, launchData, () => forgetAuthorization(params, deps.sessionStore));
  }, first);
  return new OpeningSession(config, win, deps, opening);
};
