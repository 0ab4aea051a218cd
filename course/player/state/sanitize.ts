// A saved state is untrusted input: it may come from an older course version, a salvaged corrupt string or an LMS
// that mangled it. This keeps only what still fits the course, so no screen ever renders from an impossible state.
import type { Course } from '../../model/types.ts';
import { NO_SEED, SEED_LIMIT, type LearnerState } from '../../runtime/state/learner-state.ts';
import { attemptOf, checkScreens } from '../logic/knowledge.ts';
import { drawQuestions } from '../logic/knowledge-draw.ts';
import { firstScreenId, type CourseMap } from '../logic/course-map.ts';
import { indexQuestions } from '../logic/question-index.ts';
import { replayPath } from '../logic/scenario.ts';
import { clampReflection } from '../logic/character-budget.ts';
import { normaliseRanges, toWholeSeconds, type PlayedRange } from '../logic/watched-ranges.ts';

export function sanitizeState(course: Course, map: CourseMap, state: LearnerState): LearnerState {
  const location = map.byId.has(state.location) ? state.location : firstScreenId(map);
  const completedScreens = [...new Set(state.completedScreens.filter((id) => map.byId.has(id)))];

  const scenarioPaths: LearnerState['scenarioPaths'] = {};
  for (const [screenId, path] of Object.entries(state.scenarioPaths ?? {})) {
    const screen = map.byId.get(screenId)?.screen;
    if (screen?.type !== 'scenario' || !Array.isArray(path)) continue;
    const valid = replayPath(screen, path).taken.map(({ step, choice }): [string, string] => [step.id, choice.id]);
    if (valid.length > 0) scenarioPaths[screenId] = valid;
  }

  const questions = indexQuestions(course);
  const maxAttempts = course.limits.maxAttemptsPerQuestion;
  const seed = Number.isInteger(state.seed) && state.seed >= 0 && state.seed < SEED_LIMIT ? state.seed : NO_SEED;
  const checkAttempts: LearnerState['checkAttempts'] = {};
  for (const screen of checkScreens(course)) {
    const saved = state.checkAttempts?.[screen.id];
    if (Number.isInteger(saved) && (saved as number) > 1) checkAttempts[screen.id] = Math.min(saved as number, Math.max(1, screen.attempts));
  }
  // A knowledge check's answers count only for the questions its attempt under way draws, once each.
  const drawn = new Set(
    checkScreens(course).flatMap((screen) => drawQuestions(screen, seed, attemptOf(screen, { ...state, checkAttempts })).map((q) => q.id)),
  );
  const answers: LearnerState['answers'] = {};
  const attempts: LearnerState['attempts'] = {};
  for (const [questionId, chosen] of Object.entries(state.answers ?? {})) {
    const entry = questions.get(questionId);
    const question = entry?.question;
    if (!question || !Array.isArray(chosen)) continue;
    const inCheck = entry?.screenId !== null;
    if (inCheck && !drawn.has(questionId)) continue;
    const valid = new Set(question.options.map((option) => option.id));
    let ids = [...new Set(chosen.filter((id) => valid.has(id)))];
    if (question.kind === 'single') ids = ids.slice(0, 1);
    if (ids.length === 0) continue;
    answers[questionId] = ids;
    // An answer implies at least one attempt; more than the limit cannot have been made.
    const made = state.attempts?.[questionId];
    attempts[questionId] = inCheck ? 1 : Number.isInteger(made) && (made as number) > 0 ? Math.min(made as number, maxAttempts) : 1;
  }

  const reflections: LearnerState['reflections'] = {};
  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type !== 'reflection') continue;
      for (const prompt of screen.prompts) {
        const text = state.reflections?.[prompt.id];
        if (typeof text !== 'string') continue;
        const clamped = clampReflection(text, Math.min(prompt.maxLength, course.limits.reflectionMaxLength));
        if (clamped !== '') reflections[prompt.id] = clamped;
      }
    }
  }

  const points = course.confidence.scaleLabels.length;
  const ratings = (saved: Record<string, number> | undefined): Record<string, number> => {
    const kept: Record<string, number> = {};
    for (const item of course.confidence.items) {
      const rating = saved?.[item.id];
      if (Number.isInteger(rating) && (rating as number) >= 1 && (rating as number) <= points) kept[item.id] = rating as number;
    }
    return kept;
  };

  const duration = course.film.durationSeconds > 0 ? course.film.durationSeconds : Infinity;
  const rawPlayed = Array.isArray(state.film?.played) ? state.film.played : [];
  const played = toWholeSeconds(
    normaliseRanges(
      rawPlayed.filter((r): r is PlayedRange => Array.isArray(r) && r.length === 2 && r.every((n) => typeof n === 'number' && Number.isFinite(n))),
      duration,
    ),
  );
  const savedPosition = state.film?.position;
  const position = typeof savedPosition === 'number' && Number.isFinite(savedPosition) ? Math.floor(Math.min(Math.max(0, savedPosition), duration)) : 0;
  const seconds = state.secondsSpent;

  return {
    location,
    completedScreens,
    scenarioPaths,
    answers,
    attempts,
    reflections,
    confidence: { before: ratings(state.confidence?.before), after: ratings(state.confidence?.after) },
    film: { position, played },
    secondsSpent: typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0,
    seed,
    checkAttempts,
  };
}
