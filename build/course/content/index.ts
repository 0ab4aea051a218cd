// The course's content checks: what makes the course teach, beyond a well-formed file. Each problem is one line
// naming the file and field, like every other course check; the build stops on any of them before Vite runs.
import type { Course } from '../../../course/model/types.ts';
import type { CourseProblem } from '../problems.ts';
import { checkAnswerPositions } from './answer-position.ts';
import { checkOutcomeCoverage } from './outcome-coverage.ts';
import { checkSourcedNumbers } from './sourced-numbers.ts';
import { checkStatedDuration } from './duration-estimate.ts';
import { checkCuePointsAgainstCaptions } from './cue-gaps.ts';
import { checkAudioDescriptionOffers } from './audio-description.ts';

export { estimateDuration } from './duration-estimate.ts';
export { countWords } from './word-count.ts';
export { learnerTexts } from './learner-text.ts';
export { statisticIn } from './sourced-numbers.ts';

export async function checkCourseContent(course: Course, courseDir: string, file: string): Promise<CourseProblem[]> {
  const problems = [
    ...checkOutcomeCoverage(course),
    ...checkAnswerPositions(course),
    ...checkSourcedNumbers(course),
    ...checkStatedDuration(course),
    ...checkAudioDescriptionOffers(course),
    ...(await checkCuePointsAgainstCaptions(course, courseDir)),
  ];
  return problems.map((problem) => ({ file, ...problem }));
}
