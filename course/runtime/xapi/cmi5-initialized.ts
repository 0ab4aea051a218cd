// cmi5's "initialized", made and sent by the adapter at launch (adapters/cmi5.ts) rather than by the session that
// comes after the first screen: a page closed before that has come still leaves a session the LMS saw begin. The
// session (cmi5-session.ts, through xapi-transport.ts) takes it over and sends it again only if the LRS did not take it.
// It is in the first screen's chunk, so it is the factory's statement (statements.ts) for this one case, written out:
// the LMS's context template, with the registration and language it lacks and the cmi5 category added.
import type { Activity, Context } from '@xapi/xapi';
import type { QueuedStatement } from './statement-queue.ts';
import type { StatementFrame } from './statements.ts';

const CMI5: Activity = { id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' };

/** The session's "initialized": cmi5 defined, about the AU, made at `at` under the id given. */
export function cmi5Initialized(frame: StatementFrame, id: string, at: number): QueuedStatement {
  const template: Context = frame.contextTemplate ?? {};
  const category = template.contextActivities?.category ?? [];
  return {
    id,
    actor: frame.actor,
    verb: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
    object: { objectType: 'Activity', id: frame.activityId },
    // Nothing in the template is changed: the statement holds its parts as they are, and the queue stores a copy.
    context: {
      ...template,
      registration: template.registration ?? frame.registration ?? undefined,
      language: template.language ?? frame.language,
      contextActivities: { ...template.contextActivities, category: category.some((c) => c.id === CMI5.id) ? category : [...category, CMI5] },
    },
    timestamp: new Date(at).toISOString(),
  };
}
