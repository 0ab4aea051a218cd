// xAPI, launched the TinCan way (endpoint, auth, actor, registration, activity_id in the query string), reporting to
// the LRS the LMS named, with the resume state in the State API.
import type { AdapterModule } from '../adapter-modules.ts';
import { DurableSession } from '../shared/durable-session.ts';
import { loadRuntimeDeps } from '../shared/runtime-deps.ts';
import { LrsClient } from '../xapi/lrs-client.ts';
import { learnerOf } from '../xapi/actor.ts';
import { readTinCanLaunch } from '../xapi/tincan-launch.ts';
import { TinCanSession } from '../xapi/tincan-session.ts';

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
  return new DurableSession(config, win, deps, new TinCanSession(config, win, { client, frame, document, mode: 'normal', learner: learnerOf(launch.actor) }, deps));
};
