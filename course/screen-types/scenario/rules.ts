// The scenario's course logic: done once a path through it reaches an end; each step answered is reported as one
// interaction whose helpful choices are its correct ones; the learner chooses (scenario-choose) and may start again
// (scenario-restart). The path itself is read by the shared scenario toolkit (player/logic/scenario.ts).
import type { ScenarioChoice, ScenarioScreen, ScenarioStep } from '../../model/types.ts';
import type { AnswerRecord } from '../../runtime/tracker.ts';
import type { Interaction, ReportedInteractions } from '../interactions.ts';
import type { ActionRules, ScreenRules } from '../screen-type-rules.ts';
import { answerRecord, listed } from '../interactions.ts';
import { namedScreen, unchanged } from '../screen-type-rules.ts';
import { choose, replayPath, scenarioInteractionId } from '../../player/logic/scenario.ts';

export const scenarioRules: ScreenRules<'scenario'> = {
  completion: (_course, screen, state) => replayPath(screen, state.scenarioPaths[screen.id] ?? []).ended,
  isStarted: (screen, state) => (state.scenarioPaths[screen.id]?.length ?? 0) > 0,
};

export const scenarioInteractions: ReportedInteractions<'scenario'> = {
  ofScreen: (_course, screen) =>
    screen.steps.map((step) => listed(stepInteraction(screen, step), { kind: 'scenario', groupId: screen.id, groupTitle: screen.title, multiple: false })),
};

export const scenarioActions: ActionRules<'scenario-choose' | 'scenario-restart'> = {
  'scenario-choose'(context, state, action) {
    const screen = namedScreen(context, action);
    if (screen?.type !== 'scenario') return unchanged(state);
    const path = state.scenarioPaths[screen.id] ?? [];
    const chosen = choose(screen, path, action.choiceId);
    if (chosen.path.length === path.length) return unchanged(state);
    const taken = chosen.taken;
    return {
      state: { ...state, scenarioPaths: { ...state.scenarioPaths, [screen.id]: chosen.path } },
      answer: taken ? answerRecord(stepInteraction(screen, taken.step), [taken.choice.id], scenarioResult(taken.choice), action.latencyMs) : null,
      screen,
      ruleMet: chosen.ended,
      marks: false,
    };
  },
  'scenario-restart'(_context, state, action) {
    if (!state.scenarioPaths[action.screenId]) return unchanged(state);
    const { [action.screenId]: _dropped, ...rest } = state.scenarioPaths;
    // An empty path has not ended the scenario, and a tick already given stays: no screen becomes done.
    return { state: { ...state, scenarioPaths: rest }, answer: null, marks: false };
  },
};

/** A helpful choice counts as correct and an unhelpful one as incorrect; a partly helpful one is neither. */
export function scenarioResult(choice: ScenarioChoice): AnswerRecord['result'] {
  return choice.quality === 'helpful' ? 'correct' : choice.quality === 'unhelpful' ? 'incorrect' : 'neutral';
}

function stepInteraction(screen: ScenarioScreen, step: ScenarioStep): Interaction {
  return {
    id: scenarioInteractionId(screen, step),
    prompt: step.question,
    likert: false,
    choices: step.choices.map((c) => ({ id: c.id, text: c.text, quality: c.quality })),
  };
}
