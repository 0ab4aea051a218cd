// The scenario screen's build tier: its branches must lead somewhere (start and every "next" name a step, every step
// is reached and can reach an end; build/course/scenario-graph.ts walks the graph), its step and choice ids are unique
// within it, every step offers a helpful choice that neither comes first nor is the longest too often, it names the
// outcomes it assesses, and its shortest way through counts in the time estimate.
import type { ScenarioScreen } from '../../model/types.ts';
import type { Problem, ScreenTypeBuild } from '../screen-type-build.ts';
import { show } from '../../../build/course/format.ts';
import { duplicateIds } from '../../../build/course/duplicate-ids.ts';
import { analyseScenario } from '../../../build/course/scenario-graph.ts';
import { wordsIn } from '../../../build/course/content/word-count.ts';

export const scenarioBuild: ScreenTypeBuild<'scenario'> = {
  schema: new URL('./schema.json', import.meta.url),
  crossCheck: (_course, screens) => screens.flatMap(({ screen, pointer }) => checkScenario(screen, pointer)),
  answers: {
    name: 'scenario steps',
    option: 'helpful choice',
    items: (_course, screens) =>
      screens.flatMap(({ screen, pointer }) =>
        screen.steps.map((step, k) => ({ pointer: `${pointer}/steps/${k}/choices`, texts: step.choices.map((c) => c.text), good: step.choices.map((c) => c.quality === 'helpful') })),
      ),
  },
  screenOutcomes: (screen, pointer, outcomes) => screen.outcomes.flatMap((id, k) => outcomes.refer(id, `${pointer}/outcomes/${k}`)),
  screenTime: (_course, screen) => {
    const path = shortestPath(screen);
    return { words: path.words, decisions: path.steps, reflections: 0 };
  },
  readingPart: 'scenarios',
};

function checkScenario(scenario: ScenarioScreen, pointer: string): Problem[] {
  const problems: Problem[] = duplicateIds(
    scenario.steps.map((step, index) => ({ id: step.id, kind: 'step', pointer: `${pointer}/steps/${index}/id` })),
    `a step id used once in scenario "${scenario.id}"`,
  );
  scenario.steps.forEach((step, stepIndex) => {
    const stepPointer = `${pointer}/steps/${stepIndex}`;
    problems.push(
      ...duplicateIds(
        step.choices.map((choice, index) => ({ id: choice.id, kind: 'choice', pointer: `${stepPointer}/choices/${index}/id` })),
        `a choice id used once in step "${step.id}"`,
      ),
    );
    if (!step.choices.some((choice) => choice.quality === 'helpful')) {
      problems.push({
        pointer: `${stepPointer}/choices`,
        message: `none of the choices of step "${step.id}" is "helpful"`,
        allowed: 'at least one choice with "quality": "helpful", so every step shows a good way forward',
      });
    }
  });

  const stepIds = scenario.steps.map((step) => `"${step.id}"`).join(', ');
  const graph = analyseScenario(scenario);
  if (!graph.startIsKnown) {
    problems.push({ pointer: `${pointer}/start`, message: `"start" names ${show(scenario.start)}, which is not a step of this scenario`, allowed: stepIds });
  }
  for (const { stepIndex, choiceIndex, next } of graph.danglingNext) {
    problems.push({
      pointer: `${pointer}/steps/${stepIndex}/choices/${choiceIndex}/next`,
      message: `"next" names ${show(next)}, which is not a step of this scenario`,
      allowed: `${stepIds}, or null to end the scenario`,
    });
  }
  for (const stepIndex of graph.unreachable) {
    problems.push({
      pointer: `${pointer}/steps/${stepIndex}`,
      message: `step "${scenario.steps[stepIndex]?.id}" is never reached: neither "start" nor any choice's "next" leads to it`,
    });
  }
  for (const stepIndex of graph.noWayOut) {
    problems.push({
      pointer: `${pointer}/steps/${stepIndex}`,
      message: `from step "${scenario.steps[stepIndex]?.id}" the scenario can never end: every path loops back`,
      allowed: 'at least one path from every step to a choice with "next": null',
    });
  }
  return problems;
}

/** The way through a scenario with the fewest words: each step's situation, question and choices, and what followed the one taken. */
export function shortestPath(screen: ScenarioScreen): { words: number; steps: number } {
  const byId = new Map(screen.steps.map((step) => [step.id, step]));
  const best = new Map<string, { words: number; steps: number }>();
  const walk = (id: string, visiting: Set<string>): { words: number; steps: number } => {
    const known = best.get(id);
    if (known) return known;
    const step = byId.get(id);
    if (!step || visiting.has(id)) return { words: Infinity, steps: 0 };
    visiting.add(id);
    const base = wordsIn(step.situation, step.question, ...step.choices.map((c) => c.text));
    let result = { words: Infinity, steps: 0 };
    for (const choice of step.choices) {
      const after = choice.next === null ? { words: 0, steps: 0 } : walk(choice.next, visiting);
      const here = base + wordsIn(choice.consequence, choice.feedback) + after.words;
      if (here < result.words) result = { words: here, steps: 1 + after.steps };
    }
    visiting.delete(id);
    best.set(id, result);
    return result;
  };
  const path = walk(screen.start, new Set());
  return Number.isFinite(path.words) ? path : { words: 0, steps: 0 };
}
