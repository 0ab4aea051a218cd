// The reducer's handling of everything but a move: scenario choices, questions and retakes, reflections, confidence
// ratings and the film's progress, each saying once what it did (an Effect: the state, the answer with its options).
// Pure, like the reducer: the same course, state and action give the same result. Part of the course-logic chunk
// (state/rules.ts).
import type { Course, Screen } from '../../model/types.ts';
import type { AnswerRecord } from '../../runtime/tracker.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { ReduceContext } from './rules.ts';
import { questionRecord, ratingRecord, scenarioRecord } from './records.ts';
import { indexQuestions, type IndexedQuestion } from '../logic/question-index.ts';
import { canAttempt, checkProgress, questionStatus } from '../logic/knowledge.ts';
import { choose } from '../logic/scenario.ts';
import { normaliseRanges, toWholeSeconds } from '../logic/watched-ranges.ts';
import { clampReflection } from '../logic/character-budget.ts';

/** What an action did, found as it was applied (state/reduce.ts turns it into reports). */
export interface Effect {
  /** The state after the action; the very same object when it changed nothing. */
  state: LearnerState;
  /** The answer the tracker hears, with its question's options; null for work that is no answer. */
  answer: AnswerRecord | null;
  /** Whether the action's screen now meets its own rule, where the action knows it (a scenario's end, the film watched). */
  ruleMet?: boolean;
  /** The action changed what a knowledge check's score reads (an answer counted, a retake), so the outcome may change. */
  marks: boolean;
}

export function unchanged(state: LearnerState): Effect {
  return { state, answer: null, marks: false };
}

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

export type AnswerAction = Exclude<PlayerAction, { type: 'go-to' }>;

export function applyAnswer(context: ReduceContext, state: LearnerState, action: AnswerAction): Effect {
  const { course, map } = context;
  switch (action.type) {
    case 'scenario-choose': {
      const screen = map.byId.get(action.screenId)?.screen;
      if (screen?.type !== 'scenario') return unchanged(state);
      const path = state.scenarioPaths[screen.id] ?? [];
      const chosen = choose(screen, path, action.choiceId);
      if (chosen.path.length === path.length) return unchanged(state);
      return {
        state: { ...state, scenarioPaths: { ...state.scenarioPaths, [screen.id]: chosen.path } },
        answer: chosen.taken ? scenarioRecord(screen, chosen.taken, action.latencyMs) : null,
        ruleMet: chosen.ended,
        marks: false,
      };
    }
    case 'scenario-restart': {
      if (!state.scenarioPaths[action.screenId]) return unchanged(state);
      const { [action.screenId]: _dropped, ...rest } = state.scenarioPaths;
      // An empty path has not ended the scenario (a tick already given stays).
      return { state: { ...state, scenarioPaths: rest }, answer: null, ruleMet: false, marks: false };
    }
    case 'answer': {
      const entry = questionsOf(context.course).get(action.questionId);
      if (!entry) return unchanged(state);
      const { question } = entry;
      const check = entry.screenId === null ? undefined : map.byId.get(entry.screenId)?.screen;
      if (check?.type === 'knowledge-check') {
        // One answer per question per attempt, and no more answers than the attempt has questions. (The screen offers
        // only the questions the learner's draw asks; resume drops any other answer, in state/sanitize.ts.)
        if ((state.attempts[question.id] ?? 0) > 0 || checkProgress(course, check, state).complete) return unchanged(state);
      } else if (!canAttempt(questionStatus(question, state, course.limits.maxAttemptsPerQuestion))) {
        return unchanged(state);
      }
      const valid = new Set(question.options.map((option) => option.id));
      const chosen = [...new Set(action.optionIds.filter((id) => valid.has(id)))];
      if (chosen.length === 0 || (question.kind === 'single' && chosen.length !== 1)) return unchanged(state);
      return {
        state: {
          ...state,
          answers: { ...state.answers, [question.id]: chosen },
          attempts: { ...state.attempts, [question.id]: (state.attempts[question.id] ?? 0) + 1 },
        },
        answer: questionRecord(course, entry, chosen, action.latencyMs),
        // Film questions are practice, never scored.
        marks: check?.type === 'knowledge-check',
      };
    }
    case 'retake-check': {
      // The next attempt: only after a complete attempt below the pass mark, and while attempts are left. Its
      // questions are drawn afresh, so the bank's answers are cleared.
      const screen = map.byId.get(action.screenId)?.screen;
      if (screen?.type !== 'knowledge-check' || !checkProgress(course, screen, state).canRetake) return unchanged(state);
      const ids = new Set(screen.questions.map((question) => question.id));
      return {
        state: {
          ...state,
          answers: withoutKeys(state.answers, ids),
          attempts: withoutKeys(state.attempts, ids),
          checkAttempts: { ...state.checkAttempts, [screen.id]: checkProgress(course, screen, state).attempt + 1 },
        },
        answer: null,
        marks: true,
      };
    }
    case 'reflect': {
      const prompt = findPrompt(course, action.promptId);
      if (!prompt) return unchanged(state);
      const text = clampReflection(action.text, Math.min(prompt.maxLength, course.limits.reflectionMaxLength));
      const current = state.reflections[prompt.id] ?? '';
      if (text === current) return unchanged(state);
      // Empty answers are not kept: the saved state stays small, and "nothing written" is the same as no entry.
      const reflections = text === '' ? withoutKeys(state.reflections, new Set([prompt.id])) : { ...state.reflections, [prompt.id]: text };
      // Reflection text is told when the learner moves on (app/course-session.ts), not as an answer here.
      return { state: { ...state, reflections }, answer: null, marks: false };
    }
    case 'rate-confidence': {
      const points = course.confidence.scaleLabels.length;
      if (!course.confidence.items.some((item) => item.id === action.itemId)) return unchanged(state);
      if (!Number.isInteger(action.rating) || action.rating < 1 || action.rating > points) return unchanged(state);
      if (state.confidence[action.phase][action.itemId] === action.rating) return unchanged(state);
      return {
        state: { ...state, confidence: { ...state.confidence, [action.phase]: { ...state.confidence[action.phase], [action.itemId]: action.rating } } },
        answer: ratingRecord(context, action.phase, action.itemId, action.rating, action.latencyMs),
        marks: false,
      };
    }
    case 'film-progress': {
      const duration = course.film.durationSeconds;
      const played = toWholeSeconds(normaliseRanges(action.played, Number.isFinite(duration) && duration > 0 ? duration : Infinity));
      const position = Math.max(0, Math.floor(action.position));
      const watchedNow = action.watched && !state.completedScreens.includes(action.screenId) && map.byId.get(action.screenId)?.screen.type === 'film';
      if (!watchedNow && position === state.film.position && sameRanges(played, state.film.played)) return unchanged(state);
      // Whether the film was watched is decided by the screen that saw it, so the reducer ticks it on its word.
      return { state: { ...state, film: { position, played } }, answer: null, ruleMet: watchedNow, marks: false };
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

