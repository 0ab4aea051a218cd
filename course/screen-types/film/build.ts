// The film screen's build tier. The screen plays the course's film (course.film), so the film's rules are the
// type's: its ids and cue-point questions, cue points inside the film and in time order, one default caption track,
// exactly one film screen, the right answer not given away, and the questions' words in the time estimate.
import type { Course } from '../../model/types.ts';
import type { Problem, ScreenTypeBuild } from '../screen-type-build.ts';
import { pointerOf } from '../../../build/course/problems.ts';
import { wordsIn } from '../../../build/course/content/word-count.ts';

export const filmBuild: ScreenTypeBuild<'film'> = {
  schema: new URL('./schema.json', import.meta.url),
  courseIds: (course) => [
    { id: course.film.id, kind: 'film', pointer: '/film/id' },
    ...course.film.cuePoints.flatMap((cue, index) => [
      { id: cue.id, kind: 'cue point', pointer: pointerOf(['film', 'cuePoints', index, 'id']) },
      { id: cue.question.id, kind: 'question', pointer: pointerOf(['film', 'cuePoints', index, 'question', 'id']) },
    ]),
  ],
  questions: (course) => course.film.cuePoints.map((cue, index) => ({ question: cue.question, pointer: pointerOf(['film', 'cuePoints', index, 'question']) })),
  crossCheck: (course, screens) => [...checkCuePoints(course), ...checkCaptions(course), ...checkOneFilmScreen(screens.map(({ pointer }) => pointer))],
  answers: {
    name: 'film questions',
    option: 'right answer',
    items: (course) =>
      course.film.cuePoints.map((cue, k) => ({
        pointer: pointerOf(['film', 'cuePoints', k, 'question', 'options']),
        texts: cue.question.options.map((o) => o.text),
        good: cue.question.options.map((o) => o.correct),
      })),
  },
  // The film's running time is the estimate's own term; the type adds the film's questions, each one decision.
  courseTime: (course) => ({
    words: course.film.cuePoints.reduce(
      (sum, cue) => sum + wordsIn(cue.question.prompt, ...cue.question.options.map((o) => o.text), cue.question.options.find((o) => o.correct)?.feedback),
      0,
    ),
    decisions: course.film.cuePoints.length,
    reflections: 0,
  }),
};

function checkCuePoints(course: Course): Problem[] {
  const { durationSeconds, cuePoints } = course.film;
  const problems: Problem[] = [];
  cuePoints.forEach((cue, index) => {
    const pointer = pointerOf(['film', 'cuePoints', index, 'at']);
    if (cue.at >= durationSeconds) {
      problems.push({
        pointer,
        message: `cue point "${cue.id}" at ${cue.at} s is not before the end of the film (film.durationSeconds is ${durationSeconds})`,
        allowed: `a time from 0 to less than ${durationSeconds} seconds`,
      });
    }
    const previous = cuePoints[index - 1];
    if (previous && cue.at <= previous.at) {
      problems.push({
        pointer,
        message: `cue point "${cue.id}" at ${cue.at} s does not come after the one before it ("${previous.id}" at ${previous.at} s)`,
        allowed: 'cue points in time order, no two at the same moment',
      });
    }
  });
  return problems;
}

function checkCaptions(course: Course): Problem[] {
  const defaults = course.film.captions.flatMap((track, index) => (track.default === true ? [index] : []));
  return defaults.slice(1).map((index) => ({
    pointer: pointerOf(['film', 'captions', index, 'default']),
    message: `more than one caption track is marked default (also track ${defaults[0]})`,
    allowed: 'at most one track with "default": true',
  }));
}

/** The player shows the one film: exactly one screen does. */
function checkOneFilmScreen(pointers: readonly string[]): Problem[] {
  const allowed = 'exactly one screen with "type": "film"';
  if (pointers.length === 0) return [{ pointer: '/sections', message: 'no screen shows the film', allowed }];
  return pointers.slice(1).map((pointer) => ({ pointer: `${pointer}/type`, message: `a second film screen (the first is ${pointers[0]})`, allowed }));
}
