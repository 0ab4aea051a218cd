// The time a course takes, estimated from its own data, so the stated time cannot drift from the content: the words
// a learner reads on the shortest way through, at 200 words a minute, plus the film's running time, plus a fixed
// time per decision (a choice, an answer or a rating) and per reflection written. The build refuses a stated
// durationMinutes more than 20 % away from this estimate. Each screen type counts what its screens add (the "screenTime"
// of its build tier: a scenario its shortest way through, a knowledge check one attempt).
import type { Course } from '../../../course/model/types.ts';
import type { CourseProblem } from '../problems.ts';
import { wordsIn } from './word-count.ts';
import { perScreenType, screenTypeBuild, type TimeParts } from '../../../course/screen-types/build.ts';

type Problem = Omit<CourseProblem, 'file'>;

export const READING_WORDS_PER_MINUTE = 200;
/** Reading the options again, choosing, and reading what followed, beyond the words themselves. */
export const SECONDS_PER_DECISION = 20;
/** Thinking and writing a short reflection. */
export const SECONDS_PER_REFLECTION = 90;
export const ALLOWED_DIFFERENCE = 0.2;

export interface DurationEstimate {
  words: number;
  filmSeconds: number;
  decisions: number;
  reflections: number;
  minutes: number;
}

export function estimateDuration(course: Course): DurationEstimate {
  let total = 0;
  let decisions = 0;
  let reflections = 0;
  const count = (parts: TimeParts | undefined): void => {
    total += parts?.words ?? 0;
    decisions += parts?.decisions ?? 0;
    reflections += parts?.reflections ?? 0;
  };
  perScreenType(course, (build) => count(build.courseTime?.(course)));
  for (const screen of course.sections.flatMap((section) => section.screens)) {
    total += wordsIn(screen.title, screen.body);
    count(screenTypeBuild(screen.type).screenTime?.(course, screen));
  }
  const filmSeconds = course.film.durationSeconds;
  const minutes = total / READING_WORDS_PER_MINUTE + filmSeconds / 60 + (decisions * SECONDS_PER_DECISION + reflections * SECONDS_PER_REFLECTION) / 60;
  return { words: total, filmSeconds, decisions, reflections, minutes };
}

export function checkStatedDuration(course: Course): Problem[] {
  const estimate = estimateDuration(course);
  const stated = course.durationMinutes;
  if (Math.abs(stated - estimate.minutes) <= ALLOWED_DIFFERENCE * estimate.minutes) return [];
  const low = Math.ceil(estimate.minutes * (1 - ALLOWED_DIFFERENCE));
  const high = Math.floor(estimate.minutes * (1 + ALLOWED_DIFFERENCE));
  return [
    {
      pointer: '/durationMinutes',
      message:
        `the course says it takes ${stated} minutes, but its own estimate is ${Math.round(estimate.minutes)} ` +
        `(${estimate.words} words on the shortest way through at ${READING_WORDS_PER_MINUTE} a minute, a ${Math.round(estimate.filmSeconds)} s film, ` +
        `${estimate.decisions} decisions at ${SECONDS_PER_DECISION} s and ${estimate.reflections} reflections at ${SECONDS_PER_REFLECTION} s)`,
      allowed: `a whole number of minutes from ${low} to ${high} (within ${ALLOWED_DIFFERENCE * 100} % of the estimate)`,
    },
  ];
}
