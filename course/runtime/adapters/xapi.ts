// xAPI, launched the TinCan way (endpoint, auth, actor, registration, activity_id in the query string), reporting to
// the LRS the LMS named, with the resume state in the State API. The resume document is read up front
// (xapi-opening.ts); the statements and the rest of the session follow right after the first screen.
import type { AdapterModule } from '../adapter-modules.ts';
import { OpeningSession } from '../shared/opening-session.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';
import { LrsClient } from '../xapi/lrs-client.ts';
import { learnerOf } from '../xapi/actor.ts';
import { readTinCanLaunch } from '../xapi/tincan-launch.ts';
import { XapiOpening } from '../xapi/xapi-opening.ts';

export const open: AdapterModule['open'] = async (config, win, given) => {
  const launch = readTinCanLaunch(win.location?.search ?? '');
  if (!launch) return null;
  const deps = await loadRuntimeDeps(win, given);
  const client = new LrsClient(launch.endpoint, launch.auth, deps.fetch);
  const activityId = launch.activityId ?? config.course.iri;
  const frame = {
    actor: launch.actor,
    activityId,
    courseIri: config.course.iri,
    courseTitle: config.course.title,
    language: config.course.language,
    registration: launch.registration,
    contextTemplate: null,
  };
  const document = { activityId, agent: launch.actor, registration: launch.registration };
  const opening = new XapiOpening('xapi', config, win, { client, frame, document, mode: 'normal', learner: learnerOf(launch.actor) }, deps, async (opened) => {
    const { TinCanSession } = await import('../xapi/tincan-session.ts');
    return new TinCanSession(opened);
  });
  return new OpeningSession(config, win, deps, opening);
};
