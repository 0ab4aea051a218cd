// What the tracker is told after an action: answers as interactions, section progress, and the outcome. Computed
// from the states before and after, so the same change is never reported twice and nothing is reported for a no-op.
import type { AnswerRecord, Outcome } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { ScenarioChoice } from '../../types.ts';
import type { PlayerAction } from './actions.ts';
import type { ReduceContext } from './reduce.ts';
import { sectionProgress } from '../logic/course-map.ts';
import { correctOptionIds, isAnswerCorrect } from '../logic/knowledge.ts';
import { questionInteractionId } from '../logic/question-index.ts';
import { replayPath, scenarioInteractionId } from '../logic/scenario.ts';
import { computeOutcome, sameOutcome } from '../logic/outcome.ts';

export type TrackerReport =
  | { kind: 'answer'; record: AnswerRecord }
  | { kind: 'progress'; sectionId: string; progress: number }
  | { kind: 'outcome'; outcome: Outcome };

/** A helpful choice counts as correct and an unhelpful one as incorrect; a partly helpful one is neither. */
export function scenarioResult(choice: ScenarioChoice): AnswerRecord['result'] {
  return choice.quality === 'helpful' ? 'correct' : choice.quality === 'unhelpful' ? 'incorrect' : 'neutral';
}

export function reportsFor(context: ReduceContext, action: PlayerAction, before: LearnerState, after: LearnerState): TrackerReport[] {
  if (before === after) return [];
  const reports: TrackerReport[] = [];
  const answer = answerRecord(context, action, before, after);
  if (answer) reports.push({ kind: 'answer', record: answer });

  const doneBefore = new Set(before.completedScreens);
  const doneAfter = new Set(after.completedScreens);
  for (const section of context.course.sections) {
    const progress = sectionProgress(section, doneAfter);
    if (progress !== sectionProgress(section, doneBefore)) reports.push({ kind: 'progress', sectionId: section.id, progress });
  }

  const outcome = computeOutcome(context.course, after);
  if (!sameOutcome(outcome, computeOutcome(context.course, before))) reports.push({ kind: 'outcome', outcome });
  return reports;
}

function answerRecord(context: ReduceContext, action: PlayerAction, before: LearnerState, after: LearnerState): AnswerRecord | null {
  switch (action.type) {
    case 'scenario-choose': {
      const screen = context.map.byId.get(action.screenId)?.screen;
      if (screen?.type !== 'scenario') return null;
      const takenBefore = replayPath(screen, before.scenarioPaths[screen.id] ?? []).taken.length;
      const last = replayPath(screen, after.scenarioPaths[screen.id] ?? []).taken.at(-1);
      if (!last || takenBefore >= replayPath(screen, after.scenarioPaths[screen.id] ?? []).taken.length) return null;
      return {
        id: scenarioInteractionId(screen, last.step),
        type: 'choice',
        description: last.step.question,
        response: [last.choice.id],
        correct: last.step.choices.filter((c) => c.quality === 'helpful').map((c) => c.id),
        result: scenarioResult(last.choice),
        latencyMs: action.latencyMs,
      };
    }
    case 'answer': {
      const entry = context.questions.get(action.questionId);
      const chosen = after.answers[action.questionId];
      if (!entry || !chosen || (after.attempts[action.questionId] ?? 0) === (before.attempts[action.questionId] ?? 0)) return null;
      return {
        id: questionInteractionId(context.course, entry),
        type: 'choice',
        description: entry.question.prompt,
        response: chosen,
        correct: correctOptionIds(entry.question),
        result: isAnswerCorrect(entry.question, chosen) ? 'correct' : 'incorrect',
        latencyMs: action.latencyMs,
      };
    }
    case 'rate-confidence':
      return ratingRecord(context, action.phase, action.itemId, action.rating, action.latencyMs);
    default:
      return null;
  }
}

/** A confidence rating as the LMS hears it: a likert interaction on the phase's confidence screen. */
export function ratingRecord(context: ReduceContext, phase: 'before' | 'after', itemId: string, rating: number, latencyMs: number): AnswerRecord | null {
  const screen = context.map.entries.find((e) => e.screen.type === 'confidence' && e.screen.phase === phase)?.screen;
  const item = context.course.confidence.items.find((i) => i.id === itemId);
  if (!screen || !item) return null;
  return {
    id: `${screen.id}.${item.id}`,
    type: 'likert',
    description: item.statement,
    response: [String(rating)],
    result: 'neutral',
    latencyMs,
  };
}
