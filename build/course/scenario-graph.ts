// The shape of one branching scenario as a graph: steps are nodes, each choice's "next" an edge, and
// "next": null an exit. Pure, so the rules below are easy to test on their own.
//
// Rules (all reported as errors, not warnings):
// - "start" and every "next" must name a step of the same scenario;
// - every step must be reachable from "start": an unreachable step is content no learner ever sees, and is
//   almost always a typo in some "next";
// - from every reachable step, some path must reach an exit: otherwise a learner can be kept going round
//   in a loop with no way to finish the scenario. Loops that do have a way out are allowed ("try again").
import type { ScenarioScreen } from '../../course/model/types.ts';

export interface DanglingNext {
  stepIndex: number;
  choiceIndex: number;
  next: string;
}

export interface ScenarioGraphReport {
  startIsKnown: boolean;
  danglingNext: DanglingNext[];
  /** Indexes of steps no path from "start" reaches. */
  unreachable: number[];
  /** Indexes of reachable steps from which no path reaches an exit. */
  noWayOut: number[];
}

export function analyseScenario(scenario: Pick<ScenarioScreen, 'start' | 'steps'>): ScenarioGraphReport {
  const indexById = new Map<string, number>();
  scenario.steps.forEach((step, index) => {
    if (!indexById.has(step.id)) indexById.set(step.id, index);
  });

  const danglingNext: DanglingNext[] = [];
  // successors[i]: steps that choices of step i lead to; exits[i]: whether some choice of step i ends the scenario.
  const successors = scenario.steps.map(() => new Set<number>());
  const exits = scenario.steps.map(() => false);
  scenario.steps.forEach((step, stepIndex) => {
    step.choices.forEach((choice, choiceIndex) => {
      if (choice.next === null) {
        exits[stepIndex] = true;
        return;
      }
      const target = indexById.get(choice.next);
      if (target === undefined) danglingNext.push({ stepIndex, choiceIndex, next: choice.next });
      else successors[stepIndex]?.add(target);
    });
  });

  const startIndex = indexById.get(scenario.start);
  const reachable = startIndex === undefined ? new Set<number>() : reachableFrom([startIndex], (index) => successors[index] ?? []);

  // Walk the edges backwards from the steps that can end the scenario.
  const predecessors = scenario.steps.map(() => new Set<number>());
  successors.forEach((targets, from) => targets.forEach((to) => predecessors[to]?.add(from)));
  const exitSteps = exits.flatMap((canExit, index) => (canExit ? [index] : []));
  const canFinish = reachableFrom(exitSteps, (index) => predecessors[index] ?? []);

  const all = scenario.steps.map((_, index) => index);
  return {
    startIsKnown: startIndex !== undefined,
    danglingNext,
    // With an unknown start nothing is reachable; that is one problem (the start), not one per step.
    unreachable: startIndex === undefined ? [] : all.filter((index) => !reachable.has(index)),
    noWayOut: all.filter((index) => reachable.has(index) && !canFinish.has(index)),
  };
}

function reachableFrom(starts: number[], next: (index: number) => Iterable<number>): Set<number> {
  const seen = new Set<number>(starts);
  const queue = [...starts];
  for (let index = queue.pop(); index !== undefined; index = queue.pop()) {
    for (const target of next(index)) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return seen;
}
