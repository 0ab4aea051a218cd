// The film's events as statements of the xAPI Video Profile (https://w3id.org/xapi/video): played, paused, seeked
// and completed, each with the profile's result extensions and its session id. Video statements are "cmi5 allowed"
// statements under cmi5: they carry the context template but no cmi5 category.
import type { Activity, Result } from '@xapi/xapi';
import type { Film } from '../../types.ts';
import type { VideoEvent } from '../tracker.ts';
import type { QueuedStatement } from './statement-queue.ts';
import { VERBS, type StatementFactory } from './statements.ts';
import { isoDuration } from '../shared/durations.ts';

const EXT = 'https://w3id.org/xapi/video/extensions/';
const VIDEO_CATEGORY: Activity = { id: 'https://w3id.org/xapi/video' };

/** Seconds to three places, as the profile writes times. */
const seconds = (value: number): number => Math.round(Math.max(0, value) * 1000) / 1000;

export function videoStatement(factory: StatementFactory, film: Film, event: VideoEvent, videoSessionId: string, watchedMs: number): QueuedStatement {
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
      result.completion = true;
      result.duration = isoDuration(watchedMs);
      break;
  }
  const verb = event.verb === 'completed' ? VERBS.completed : VERBS[event.verb];
  return factory.make({
    verb,
    object: {
      objectType: 'Activity',
      id: factory.childId('film', film.id),
      definition: { type: 'https://w3id.org/xapi/video/activity-type/video', name: { [factory.frame.language]: film.title } },
    },
    result,
    categories: [VIDEO_CATEGORY],
    parent: [factory.courseActivity(false)],
    extensions: { [`${EXT}session-id`]: videoSessionId, [`${EXT}length`]: seconds(film.durationSeconds) },
  });
}
