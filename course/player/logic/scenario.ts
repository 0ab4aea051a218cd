// Branching scenarios: the path a learner took is a list of [stepId, choiceId] pairs; everything else (which step is
// on screen, whether the scenario has ended) follows from that path and the course data.
import type { ScenarioChoice, ScenarioScreen, ScenarioStep } from '../../types.ts';

export interface TakenStep {
  step: ScenarioStep;
  choice: ScenarioChoice;
}

export interface ScenarioProgress {
  /** Steps already answered, in order, with the choice made. */
  taken: TakenStep[];
  /** The step waiting for a choice, or null when the scenario has ended. */
  current: ScenarioStep | null;
  ended: boolean;
}

export function findStep(screen: ScenarioScreen, stepId: string): ScenarioStep | undefined {
  return screen.steps.find((step) => step.id === stepId);
}

/**
 * Replays a saved path against the scenario. A pair that no longer fits the data (the course changed) ends the replay
 * there, so the learner continues from the last step that still makes sense instead of seeing a broken page.
 */
export function replayPath(screen: ScenarioScreen, path: readonly (readonly [string, string])[]): ScenarioProgress {
  const taken: TakenStep[] = [];
  let current = findStep(screen, screen.start) ?? null;
  for (const [stepId, choiceId] of path) {
    if (!current || current.id !== stepId) break;
    const choice = current.choices.find((c) => c.id === choiceId);
    if (!choice) break;
    taken.push({ step: current, choice });
    current = choice.next === null ? null : (findStep(screen, choice.next) ?? null);
    // A cycle in the data must not loop for ever: a path can never be longer than the number of steps times choices.
    if (taken.length > screen.steps.length * 8) break;
  }
  return { taken, current, ended: current === null && taken.length > 0 };
}

/** The path after choosing `choiceId` at the current step; unchanged when that is not a valid move. */
export function choose(screen: ScenarioScreen, path: readonly [string, string][], choiceId: string): [string, string][] {
  const progress = replayPath(screen, path);
  const valid: [string, string][] = progress.taken.map(({ step, choice }) => [step.id, choice.id]);
  const current = progress.current;
  if (!current || !current.choices.some((c) => c.id === choiceId)) return valid;
  return [...valid, [current.id, choiceId]];
}

/** Interaction id for one step of a scenario, stable across course versions as long as the ids are. */
export function scenarioInteractionId(screen: ScenarioScreen, step: ScenarioStep): string {
  return `${screen.id}.${step.id}`;
}
