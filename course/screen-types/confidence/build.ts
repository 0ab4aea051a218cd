// The confidence screen's build tier. Its screens rate the course's confidence items (course.confidence), before
// and after the course: the items' ids and outcomes are the type's, and the course needs one screen per phase, the
// "before" one first. Each screen's statements count in the time estimate, each rating one decision.
import type { Problem, PlacedScreen, ScreenTypeBuild } from '../screen-type-build.ts';
import { pointerOf } from '../../../build/course/problems.ts';
import { wordsIn } from '../../../build/course/content/word-count.ts';

export const confidenceBuild: ScreenTypeBuild<'confidence'> = {
  schema: new URL('./schema.json', import.meta.url),
  courseIds: (course) => course.confidence.items.map((item, index) => ({ id: item.id, kind: 'confidence item', pointer: pointerOf(['confidence', 'items', index, 'id']) })),
  crossCheck: (_course, screens) => checkPhases(screens),
  courseOutcomes: (course, outcomes) => course.confidence.items.flatMap((item, k) => outcomes.refer(item.outcome, pointerOf(['confidence', 'items', k, 'outcome']))),
  screenTime: (course) => ({ words: wordsIn(...course.confidence.items.map((item) => item.statement)), decisions: course.confidence.items.length, reflections: 0 }),
};

/** One screen per phase, both phases, "before" first: the player compares the two ratings. */
function checkPhases(screens: readonly PlacedScreen<'confidence'>[]): Problem[] {
  const problems: Problem[] = [];
  const phaseAt = new Map<string, PlacedScreen<'confidence'> & { order: number }>();
  screens.forEach((placed, order) => {
    const phase = placed.screen.phase;
    const earlier = phaseAt.get(phase);
    if (earlier) {
      problems.push({ pointer: `${placed.pointer}/phase`, message: `a second confidence screen with phase "${phase}" (the first is ${earlier.pointer})`, allowed: 'one confidence screen per phase' });
    } else {
      phaseAt.set(phase, { ...placed, order });
    }
  });
  for (const phase of ['before', 'after'] as const) {
    if (!phaseAt.has(phase)) {
      problems.push({ pointer: '/sections', message: `no confidence screen with "phase": "${phase}"`, allowed: 'one confidence screen with "phase": "before" and one with "phase": "after", in that order' });
    }
  }
  const before = phaseAt.get('before');
  const after = phaseAt.get('after');
  if (before && after && after.order < before.order) {
    problems.push({ pointer: `${after.pointer}/phase`, message: `the "after" confidence screen comes before the "before" one (${before.pointer})`, allowed: 'the "before" screen first' });
  }
  return problems;
}
