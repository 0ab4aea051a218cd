// The film's events as statements of the xAPI Video Profile (https://w3id.org/xapi/video): played, paused, seeked
// and completed, each with the profile's result extensions and its session id. Video statements are "cmi5 allowed"
// statements under cmi5: they carry the context template but no cmi5 category. Under cmi5 the film's end is not sent
// with the profile's "completed": that verb's IRI is cmi5's own "completed", and an LMS or report reading the
// registration would take it for the AU's completion (issue 12.8). It goes as "progressed" about the film, with the
// profile's progress (1), played segments and time, and no result.completion.
import type { Activity, Result } from '@xapi/xapi';
import type { Film } from '../../model/types.ts';
import type { VideoEvent } from '../tracker.ts';
import type { QueuedStatement } from './statement-queue.ts';
import { VERBS, type StatementFactory } from './statements.ts';
import { isoDuration } from '../shared/durations.ts';

const EXT = 'https://w3id.org/xapi/video/extensions/';
const VIDEO_CATEGORY: Activity = { id: 'https://w3id.org/xapi/video' };

/** Seconds to three places, as the profile writes times. */
const seconds = (value: number): number => Math.round(Math.max(0, value) * 1000) / 1000;

export function videoStatement(factory: StatementFactory, film: Film, event: VideoEvent, videoSessionId: string, watchedMs: number, standard: 'xapi' | 'cmi5' = 'xapi'): QueuedStatement {
  const underCmi5 = standard === 'cmi5' && event.verb === 'completed';
  const ext: Record<string, unknown> = {};
  const result: Result = { extensions: ext };
  switch (event.verb) {
    case 'played':
      ext[`${EXT}time`] = seconds(event.time);
      break;
    case 'paused':
      ext[`${EXT}time`] = seconds(event.time);
      ext[`${EXT}progress`] = Math.round(event.progress * 1000) / 1000;
      ext[`${EXT}played-segments`] = event.playedSegments;
      break;
    case 'seeked':
      ext[`${EXT}time-from`] = seconds(event.from ?? event.time);
      ext[`${EXT}time-to`] = seconds(event.time);
      break;
    case 'completed':
      ext[`${EXT}time`] = seconds(event.time);
      ext[`${EXT}progress`] = Math.round(event.progress * 1000) / 1000;
      ext[`${EXT}played-segments`] = event.playedSegments;
      if (!underCmi5) result.completion = true;
      result.duration = isoDuration(watchedMs);
      break;
  }
  const verb = event.verb === 'completed' ? (underCmi5 ? VERBS.progressed : VERBS.completed) : VERBS[event.verb];
  return factory.make({
    verb,
    object: {
      objectType: 'Activity',
      id: factory.childId('film', film.id),
      definition: { type: 'https://w3id.org/xapi/video/activity-type/video', name: { [factory.frame.language]: film.title } },
    },
    result,
    // The profile's category claims its verbs; the cmi5 film end uses one of its own.
    categories: underCmi5 ? [] : [VIDEO_CATEGORY],
    parent: [factory.courseActivity(false)],
    extensions: { [`${EXT}session-id`]: videoSessionId, [`${EXT}length`]: seconds(film.durationSeconds) },
  });
}
