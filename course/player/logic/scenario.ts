// Branching scenarios: the path a learner took is a list of [stepId, choiceId] pairs; everything else (which step is
// on screen, whether the scenario has ended) follows from that path and the course data.
import type { ScenarioChoice, ScenarioScreen, ScenarioStep } from '../../model/types.ts';

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

/** The most choices a replay reads: a cycle in the data must not loop for ever. */
function replayLimit(screen: ScenarioScreen): number {
  return screen.steps.length * 8 + 1;
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
    current = nextStep(screen, choice);
    if (taken.length >= replayLimit(screen)) break;
  }
  return { taken, current, ended: current === null && taken.length > 0 };
}

function nextStep(screen: ScenarioScreen, choice: ScenarioChoice): ScenarioStep | null {
  return choice.next === null ? null : (findStep(screen, choice.next) ?? null);
}

/** What choosing at the current step does: the path after it, the step it answered, and whether the scenario ended. */
export interface Chosen {
  /** The path after the choice; without any pairs that no longer fit the data, and unchanged for an invalid move. */
  path: [string, string][];
  /** The step answered and the choice made; null when the choice was no valid move (or past the replay limit). */
  taken: TakenStep | null;
  /** The scenario has ended with this path. */
  ended: boolean;
}

/** Chooses `choiceId` at the current step, replaying the path once: what the reducer and the report both read. */
export function choose(screen: ScenarioScreen, path: readonly (readonly [string, string])[], choiceId: string): Chosen {
  const progress = replayPath(screen, path);
  const valid: [string, string][] = progress.taken.map(({ step, choice }) => [step.id, choice.id]);
  const current = progress.current;
  const choice = current?.choices.find((c) => c.id === choiceId);
  if (!current || !choice) return { path: valid, taken: null, ended: progress.ended };
  // A replay reads no more than its limit, so a choice beyond it is kept in the path (as before) but counts as nothing.
  if (valid.length >= replayLimit(screen)) return { path: [...valid, [current.id, choice.id]], taken: null, ended: progress.ended };
  return { path: [...valid, [current.id, choice.id]], taken: { step: current, choice }, ended: nextStep(screen, choice) === null };
}

/** Interaction id for one step of a scenario, stable across course versions as long as the ids are. */
export function scenarioInteractionId(screen: ScenarioScreen, step: ScenarioStep): string {
  return `${screen.id}.${step.id}`;
}
