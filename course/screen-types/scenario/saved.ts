// What a scenario keeps: the path the learner took, as [step, choice] index pairs (the "p" slot). The section's
// structure tag covers every step's choices, so an edited scenario restarts rather than replaying a wrong path.
import type { ScenarioScreen } from '../../model/types.ts';
import type { ScenarioLayout } from '../../runtime/state/course-layout.ts';
import type { ScreenTypeSaved } from '../screen-type-saved.ts';

export const scenarioSaved: ScreenTypeSaved<'scenario'> = {
  lay(screen, at) {
    at.layout.scenarios.push(scenarioLayout(screen));
  },
  structure: ({ layout }) => layout.scenarios.map((s) => [s.stepIds, s.choiceIds]),
};

function scenarioLayout(screen: ScenarioScreen): ScenarioLayout {
  const stepIds = screen.steps.map((step) => step.id);
  return {
    screenId: screen.id,
    stepIds,
    choiceIds: screen.steps.map((step) => step.choices.map((choice) => choice.id)),
    maxPathPairs: longestPath(screen) ?? stepIds.length * 2,
  };
}

/** Steps on the longest walk from the start, or null when the steps loop (then a path is capped instead). */
export function longestPath(screen: ScenarioScreen): number | null {
  const byId = new Map(screen.steps.map((step) => [step.id, step]));
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  let loops = false;
  const walk = (id: string): number => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const step = byId.get(id);
    if (!step) return 0;
    if (visiting.has(id)) {
      loops = true;
      return 0;
    }
    visiting.add(id);
    let longest = 0;
    for (const choice of step.choices) if (choice.next !== null) longest = Math.max(longest, walk(choice.next));
    visiting.delete(id);
    memo.set(id, 1 + longest);
    return 1 + longest;
  };
  const length = walk(screen.start);
  return loops ? null : length;
}
