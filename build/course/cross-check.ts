// Checks that the schema cannot express: ids that must be unique, questions that must have a right answer, the
// player's words in the course's language, and each screen type's own rules (scenario branches that must lead
// somewhere, limits that must agree, screens the course cannot do without), which live in the type's build tier
// (course/screen-types/<type>/build.ts) and are reached through the registry.
// Runs only on a course that already matches the schema. Pure: media on disk is media-check.ts's job.
import type { Course, Question } from '../../course/model/types.ts';
import type { CourseProblem } from './problems.ts';
import { pointerOf } from './problems.ts';
import { duplicateIds, type IdEntry } from './duplicate-ids.ts';
import { show } from './format.ts';
import { PLAYER_LANGUAGES, playerLanguage } from '../../course/player/strings/languages.ts';
import { perScreenType, placedScreens, screenTypeBuild, type PlacedScreen } from '../../course/screen-types/build.ts';
import type { ScreenType } from '../../course/screen-types/screen-type.ts';

type Problem = Omit<CourseProblem, 'file'>;

export function crossCheckCourse(course: Course, file: string): CourseProblem[] {
  const screens = placedScreens(course);
  const problems: Problem[] = [
    ...checkCourseIds(course, screens),
    ...perScreenType(course, (build, ofType) => build.crossCheck?.(course, ofType) ?? []).flat(),
    ...perScreenType(course, (build, ofType) => build.questions?.(course, ofType) ?? [])
      .flat()
      .flatMap(({ question, pointer }) => checkQuestion(question, pointer)),
    ...checkLanguage(course),
  ];
  return problems.map((problem) => ({ file, ...problem }));
}

/** The player's own words (buttons, notices, status) must be in the course's language: no silent English. */
function checkLanguage(course: Course): Problem[] {
  if (playerLanguage(course.language) !== null) return [];
  return [
    {
      pointer: '/language',
      message: `the player has no words in ${show(course.language)}: its buttons, notices and messages would be in another language than the course`,
      allowed: `a language the player has a catalogue for (${PLAYER_LANGUAGES.join(', ')}); a translation adds one in course/player/strings/`,
    },
  ];
}

/**
 * Ids become stable LMS interaction ids and activity ids, so the course-level ones share one namespace: no section,
 * screen, film, cue point, question, reflection prompt or confidence item may reuse another's id. Steps, choices
 * and options are always reported under their parent's id, so they need only be unique within it. The types declare
 * theirs: the ones outside any screen first, then each screen's own after its id.
 */
function checkCourseIds(course: Course, screens: PlacedScreen<ScreenType>[]): Problem[] {
  const entries: IdEntry[] = [
    ...perScreenType(course, (build) => build.courseIds?.(course) ?? []).flat(),
    ...course.sections.map((section, index) => ({ id: section.id, kind: 'section', pointer: pointerOf(['sections', index, 'id']) })),
    ...screens.flatMap(({ screen, pointer }) => [{ id: screen.id, kind: 'screen', pointer: `${pointer}/id` }, ...(screenTypeBuild(screen.type).screenIds?.(screen, pointer) ?? [])]),
  ];
  return duplicateIds(entries, 'an id used nowhere else in the course, since ids become stable LMS interaction ids');
}

function checkQuestion(question: Question, pointer: string): Problem[] {
  const problems = duplicateIds(
    question.options.map((option, index) => ({ id: option.id, kind: 'option', pointer: `${pointer}/options/${index}/id` })),
    `an option id used once in question "${question.id}"`,
  );
  const correct = question.options.filter((option) => option.correct).map((option) => `"${option.id}"`);
  if (correct.length === 0) {
    problems.push({ pointer: `${pointer}/options`, message: `no option of question "${question.id}" is marked correct`, allowed: 'at least one option with "correct": true' });
  } else if (question.kind === 'single' && correct.length > 1) {
    problems.push({
      pointer: `${pointer}/options`,
      message: `question "${question.id}" is "single" but ${correct.length} options are marked correct (${correct.join(', ')})`,
      allowed: 'exactly one correct option for "kind": "single"; use "kind": "multiple" for more',
    });
  }
  return problems;
}
