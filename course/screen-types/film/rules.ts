// The film's course logic: done when its controller finds enough of it watched (film-progress says so, and keeps
// the position and the played ranges); started once anything has played. Its cue-point questions belong to the
// course's one film rather than a screen, so they are listed after every screen's; they are practice, answered until
// right or out of tries (question-rules.ts applies the answer) and never scored.
import type { Film, Question } from '../../model/types.ts';
import type { Interaction, ReportedInteractions } from '../interactions.ts';
import type { ActionRules, ScreenRules } from '../screen-type-rules.ts';
import type { QuestionRule } from '../question-rules.ts';
import { namedScreen, unchanged } from '../screen-type-rules.ts';
import { listed } from '../interactions.ts';
import { questionFiling, questionInteraction } from '../question-rules.ts';
import { canAttempt, questionStatus } from '../../player/logic/knowledge.ts';
import { normaliseRanges, toWholeSeconds } from '../../player/logic/watched-ranges.ts';

export const filmRules: ScreenRules<'film'> = {
  // Watched is decided by the film's controller, which sees the play (film-progress says so).
  completion: 'told',
  isStarted: (_screen, state) => state.film.played.length > 0,
};

/** The film's questions belong to the course's one film, not to a screen. */
export const filmInteractions: ReportedInteractions<'film'> = {
  ofScreen: () => [],
  ofCourse: ({ film }) =>
    film.cuePoints.map((cue) => listed(cueInteraction(film, cue.id, cue.question), questionFiling({ kind: 'film', groupId: film.id, groupTitle: film.title }, cue.question))),
};

export const filmQuestions: QuestionRule<'film'> = {
  answerable(context, state, entry) {
    const { course } = context;
    if (!canAttempt(questionStatus(entry.question, state, course.limits.maxAttemptsPerQuestion))) return null;
    return cueInteraction(course.film, entry.cuePointId, entry.question);
  },
  marks: false,
};

export const filmActions: ActionRules<'film-progress'> = {
  'film-progress'(context, state, action) {
    const duration = context.course.film.durationSeconds;
    const played = toWholeSeconds(normaliseRanges(action.played, Number.isFinite(duration) && duration > 0 ? duration : Infinity));
    const position = Math.max(0, Math.floor(action.position));
    const screen = namedScreen(context, action);
    const watchedNow = action.watched && !state.completedScreens.includes(action.screenId) && screen?.type === 'film';
    if (!watchedNow && position === state.film.position && sameRanges(played, state.film.played)) return unchanged(state);
    // Whether the film was watched is decided by the screen that saw it, so the reducer ticks it on its word.
    return { state: { ...state, film: { position, played } }, answer: null, screen, ruleMet: watchedNow, marks: false };
  },
};

function cueInteraction(film: Film, cuePointId: string, question: Question): Interaction {
  return questionInteraction(`${film.id}.${cuePointId}`, question);
}

function sameRanges(a: readonly (readonly [number, number])[], b: readonly (readonly [number, number])[]): boolean {
  return a.length === b.length && a.every((range, i) => range[0] === b[i]?.[0] && range[1] === b[i]?.[1]);
}
