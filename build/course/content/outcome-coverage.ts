// Learning outcomes that mean something: each is assessed by at least one knowledge-check question and one scenario,
// and matched by a confidence item; every reference names an outcome that exists. The screen types name their
// references and add their own outcome rules (the knowledge check's: every question assesses one, and a bank large
// enough that a retake draws new questions for every outcome) in their build tier; the coverage rule is the course's.
import type { Course } from '../../../course/model/types.ts';
import type { CourseProblem } from '../problems.ts';
import { pointerOf } from '../problems.ts';
import { perScreenType, placedScreens, screenTypeBuild, type OutcomeReferences } from '../../../course/screen-types/build.ts';
import type { ScreenType } from '../../../course/screen-types/screen-type.ts';

type Problem = Omit<CourseProblem, 'file'>;

/**
 * What must name every outcome, in the order the message lists what is missing. A policy across types (issue 11:
 * assessed twice over, and rated), so it is written here rather than in any one type.
 */
const COVERED_BY: readonly { type: ScreenType; missing: string }[] = [
  { type: 'knowledge-check', missing: 'no knowledge-check question' },
  { type: 'scenario', missing: 'no scenario' },
  { type: 'confidence', missing: 'no confidence item' },
];

export function checkOutcomeCoverage(course: Course): Problem[] {
  const problems: Problem[] = [];
  const ids = course.outcomes.map((outcome) => outcome.id);
  const known = new Set(ids);
  const listed = ids.map((id) => `"${id}"`).join(', ');
  /** For each type, how often it names each outcome. */
  const tallies = new Map<ScreenType, Map<string, number>>();

  course.outcomes.forEach((outcome, index) => {
    if (ids.indexOf(outcome.id) !== index) problems.push({ pointer: pointerOf(['outcomes', index, 'id']), message: `duplicate outcome id "${outcome.id}"` });
  });
  const referencesFor = (type: ScreenType): OutcomeReferences => ({
    known,
    listed,
    refer: (id, pointer) => {
      if (!known.has(id)) return [{ pointer, message: `names the learning outcome "${id}", which is not in the course's "outcomes"`, allowed: listed }];
      const tally = tallies.get(type) ?? new Map<string, number>();
      tallies.set(type, tally.set(id, (tally.get(id) ?? 0) + 1));
      return [];
    },
  });
  // The references outside any screen first, then each screen's, in course order.
  perScreenType(course, (build, _screens, type) => problems.push(...(build.courseOutcomes?.(course, referencesFor(type)) ?? [])));
  for (const { screen, pointer } of placedScreens(course)) problems.push(...(screenTypeBuild(screen.type).screenOutcomes?.(screen, pointer, referencesFor(screen.type)) ?? []));

  course.outcomes.forEach((outcome, index) => {
    const missing = COVERED_BY.filter(({ type }) => (tallies.get(type)?.get(outcome.id) ?? 0) === 0).map(({ missing }) => missing);
    if (missing.length > 0) {
      problems.push({
        pointer: pointerOf(['outcomes', index]),
        message: `learning outcome "${outcome.id}" is not assessed: ${missing.join(', ')} names it`,
        allowed: 'at least one knowledge-check question ("outcome") and one scenario ("outcomes") that assess it, and a confidence item ("outcome") that matches it',
      });
    }
  });
  return problems;
}
