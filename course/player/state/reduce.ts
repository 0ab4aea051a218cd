// Applies a learner's action to their state. Pure: the same course, state and action always give the same result,
// and an action that changes nothing returns the very same state object (so nothing is saved for it).
import type { Course, Screen } from '../../types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import type { PlayerAction } from './actions.ts';
import type { CourseMap } from '../logic/course-map.ts';
import { indexQuestions, type IndexedQuestion } from '../logic/question-index.ts';
import { isDoneOnVisit, meetsScreenRule } from '../logic/screen-completion.ts';
import { canAttempt, checkProgress, questionStatus } from '../logic/knowledge.ts';
import { choose } from '../logic/scenario.ts';
import { normaliseRanges, toWholeSeconds } from '../logic/watched-ranges.ts';
import { clampReflection } from '../logic/character-budget.ts';

export interface ReduceContext {
  course: Course;
  map: CourseMap;
  questions: ReadonlyMap<string, IndexedQuestion>;
}

export function reduceContext(course: Course, map: CourseMap): ReduceContext {
  return { course, map, questions: indexQuestions(course) };
}

export function reduce(context: ReduceContext, state: LearnerState, action: PlayerAction): LearnerState {
  const next = apply(context, state, action);
  return next === state ? state : markDone(context, next, screenOf(context, action));
}

function apply(context: ReduceContext, state: LearnerState, action: PlayerAction): LearnerState {
  const { course, map } = context;
  switch (action.type) {
    case 'go-to': {
      const screen = map.byId.get(action.screenId)?.screen;
      if (!screen) return state;
      const visitDone = isDoneOnVisit(screen) && !state.completedScreens.includes(screen.id);
      if (state.location === screen.id && !visitDone) return state;
      return {
        ...state,
        location: screen.id,
        completedScreens: visitDone ? [...state.completedScreens, screen.id] : state.completedScreens,
      };
    }
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
      const entry = context.questions.get(action.questionId);
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
function screenOf(context: ReduceContext, action: PlayerAction): Screen | undefined {
  switch (action.type) {
    case 'scenario-choose':
    case 'scenario-restart':
    case 'retake-check':
    case 'go-to':
    case 'film-progress':
      return context.map.byId.get(action.screenId)?.screen;
    case 'answer': {
      const screenId = context.questions.get(action.questionId)?.screenId;
      return screenId ? context.map.byId.get(screenId)?.screen : undefined;
    }
    case 'rate-confidence':
      return context.map.entries.find((entry) => entry.screen.type === 'confidence' && entry.screen.phase === action.phase)?.screen;
    case 'reflect':
      return undefined;
  }
}

function markDone(context: ReduceContext, state: LearnerState, screen: Screen | undefined): LearnerState {
  if (!screen || state.completedScreens.includes(screen.id)) return state;
  if (!meetsScreenRule(context.course, screen, state)) return state;
  return { ...state, completedScreens: [...state.completedScreens, screen.id] };
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
