// The reducer's and the reports' handling of everything but a move: scenario choices, questions and retakes,
// reflections, confidence ratings and the film's progress. Pure, like the reducer: the same course, state and action
// give the same result. Part of the course-logic chunk (state/rules.ts).
import type { Course, Screen, ScenarioChoice } from '../../types.ts';
import type { AnswerRecord } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { ReduceContext } from './rules.ts';
import { ratingRecord } from './reports.ts';
import { indexQuestions, questionInteractionId, type IndexedQuestion } from '../logic/question-index.ts';
import { canAttempt, checkProgress, correctOptionIds, isAnswerCorrect, questionStatus } from '../logic/knowledge.ts';
import { choose, replayPath, scenarioInteractionId } from '../logic/scenario.ts';
import { normaliseRanges, toWholeSeconds } from '../logic/watched-ranges.ts';
import { clampReflection } from '../logic/character-budget.ts';

/**
 * Every question by id, once per course object. The ids and options are the course's structure, which the course
 * parts never change (they only fill in text, in place), so the index stays right as parts arrive.
 */
const indexes = new WeakMap<Course, ReadonlyMap<string, IndexedQuestion>>();

function questionsOf(course: Course): ReadonlyMap<string, IndexedQuestion> {
  let index = indexes.get(course);
  if (!index) indexes.set(course, (index = indexQuestions(course)));
  return index;
}

/** A helpful choice counts as correct and an unhelpful one as incorrect; a partly helpful one is neither. */
export function scenarioResult(choice: ScenarioChoice): AnswerRecord['result'] {
  return choice.quality === 'helpful' ? 'correct' : choice.quality === 'unhelpful' ? 'incorrect' : 'neutral';
}

export type AnswerAction = Exclude<PlayerAction, { type: 'go-to' }>;

export function applyAnswer(context: ReduceContext, state: LearnerState, action: AnswerAction): LearnerState {
  const { course, map } = context;
  switch (action.type) {
    case 'scenario-choose': {
      const screen = map.byId.get(action.screenId)?.screen;
      if (screen?.type !== 'scenario') return state;
      const path = state.scenarioPaths[screen.id] ?? [];
      const nextPath = choose(screen, path, action.choiceId);
      if (nextPath.length === path.length) return state;
      return { ...state, scenarioPaths: { ...state.scenarioPaths, [screen.id]: nextPath } };
    }
    case 'scenario-restart': {
      if (!state.scenarioPaths[action.screenId]) return state;
      const { [action.screenId]: _dropped, ...rest } = state.scenarioPaths;
      return { ...state, scenarioPaths: rest };
    }
    case 'answer': {
      const entry = questionsOf(context.course).get(action.questionId);
      if (!entry) return state;
      const { question } = entry;
      const check = entry.screenId === null ? undefined : map.byId.get(entry.screenId)?.screen;
      if (check?.type === 'knowledge-check') {
        // One answer per question per attempt, and no more answers than the attempt has questions. (The screen offers
        // only the questions the learner's draw asks; resume drops any other answer, in state/sanitize.ts.)
        if ((state.attempts[question.id] ?? 0) > 0 || checkProgress(course, check, state).complete) return state;
      } else if (!canAttempt(questionStatus(question, state, course.limits.maxAttemptsPerQuestion))) {
        return state;
      }
      const valid = new Set(question.options.map((option) => option.id));
      const chosen = [...new Set(action.optionIds.filter((id) => valid.has(id)))];
      if (chosen.length === 0 || (question.kind === 'single' && chosen.length !== 1)) return state;
      return {
        ...state,
        answers: { ...state.answers, [question.id]: chosen },
        attempts: { ...state.attempts, [question.id]: (state.attempts[question.id] ?? 0) + 1 },
      };
    }
    case 'retake-check': {
      // The next attempt: only after a complete attempt below the pass mark, and while attempts are left. Its
      // questions are drawn afresh, so the bank's answers are cleared.
      const screen = map.byId.get(action.screenId)?.screen;
      if (screen?.type !== 'knowledge-check' || !checkProgress(course, screen, state).canRetake) return state;
      const ids = new Set(screen.questions.map((question) => question.id));
      return {
        ...state,
        answers: withoutKeys(state.answers, ids),
        attempts: withoutKeys(state.attempts, ids),
        checkAttempts: { ...state.checkAttempts, [screen.id]: checkProgress(course, screen, state).attempt + 1 },
      };
    }
    case 'reflect': {
      const prompt = findPrompt(course, action.promptId);
      if (!prompt) return state;
      const text = clampReflection(action.text, Math.min(prompt.maxLength, course.limits.reflectionMaxLength));
      const current = state.reflections[prompt.id] ?? '';
      if (text === current) return state;
      // Empty answers are not kept: the saved state stays small, and "nothing written" is the same as no entry.
      const reflections = text === '' ? withoutKeys(state.reflections, new Set([prompt.id])) : { ...state.reflections, [prompt.id]: text };
      return { ...state, reflections };
    }
    case 'rate-confidence': {
      const points = course.confidence.scaleLabels.length;
      if (!course.confidence.items.some((item) => item.id === action.itemId)) return state;
      if (!Number.isInteger(action.rating) || action.rating < 1 || action.rating > points) return state;
      if (state.confidence[action.phase][action.itemId] === action.rating) return state;
      return {
        ...state,
        confidence: { ...state.confidence, [action.phase]: { ...state.confidence[action.phase], [action.itemId]: action.rating } },
      };
    }
    case 'film-progress': {
      const duration = course.film.durationSeconds;
      const played = toWholeSeconds(normaliseRanges(action.played, Number.isFinite(duration) && duration > 0 ? duration : Infinity));
      const position = Math.max(0, Math.floor(action.position));
      const watchedNow = action.watched && !state.completedScreens.includes(action.screenId) && map.byId.get(action.screenId)?.screen.type === 'film';
      if (!watchedNow && position === state.film.position && sameRanges(played, state.film.played)) return state;
      return {
        ...state,
        film: { position, played },
        completedScreens: watchedNow ? [...state.completedScreens, action.screenId] : state.completedScreens,
      };
    }
  }
}

/** The screen an action concerns, whose own completion rule is checked afterwards. */
export function answerScreen(context: ReduceContext, action: AnswerAction): Screen | undefined {
  switch (action.type) {
    case 'scenario-choose':
    case 'scenario-restart':
    case 'retake-check':
    case 'film-progress':
      return context.map.byId.get(action.screenId)?.screen;
    case 'answer': {
      const screenId = questionsOf(context.course).get(action.questionId)?.screenId;
      return screenId ? context.map.byId.get(screenId)?.screen : undefined;
    }
    case 'rate-confidence':
      return context.map.entries.find((entry) => entry.screen.type === 'confidence' && entry.screen.phase === action.phase)?.screen;
    case 'reflect':
      return undefined;
  }
}

/** The interaction reported for an action (state/reports.ts), if any. */
export function answerRecord(context: ReduceContext, action: AnswerAction, before: LearnerState, after: LearnerState): AnswerRecord | null {
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
      const entry = questionsOf(context.course).get(action.questionId);
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

function findPrompt(course: Course, promptId: string) {
  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type !== 'reflection') continue;
      const prompt = screen.prompts.find((p) => p.id === promptId);
      if (prompt) return prompt;
    }
  }
  return undefined;
}

function withoutKeys<T>(record: Record<string, T>, keys: ReadonlySet<string>): Record<string, T> {
  if (!Object.keys(record).some((key) => keys.has(key))) return record;
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.has(key)));
}

function sameRanges(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  return a.length === b.length && a.every((range, i) => range[0] === b[i]?.[0] && range[1] === b[i]?.[1]);
}

