// The film on resume: the played ranges in whole seconds within the film, the position on it, and the answers to its
// cue point questions with no more attempts than the course allows. Restarting the film's section clears all three.
import { normaliseRanges, toWholeSeconds, type PlayedRange } from '../../player/logic/watched-ranges.ts';
import { keptChoices } from '../../player/state/kept-answers.ts';
import { withoutKeys } from '../screen-type-rules.ts';
import type { ScreenTypeResume } from '../screen-type-resume.ts';

export const filmResume: ScreenTypeResume<'film'> = {
  clean(saved, kept, course) {
    const maxAttempts = course.limits.maxAttemptsPerQuestion;
    for (const { question } of course.film.cuePoints) {
      const ids = keptChoices(question, saved.answers?.[question.id]);
      if (ids === null) continue;
      kept.answers[question.id] = ids;
      // An answer implies at least one attempt; more than the limit cannot have been made.
      const made = saved.attempts?.[question.id];
      kept.attempts[question.id] = Number.isInteger(made) && (made as number) > 0 ? Math.min(made as number, maxAttempts) : 1;
    }
    const duration = course.film.durationSeconds > 0 ? course.film.durationSeconds : Infinity;
    const rawPlayed = Array.isArray(saved.film?.played) ? saved.film.played : [];
    const played = toWholeSeconds(
      normaliseRanges(
        rawPlayed.filter((r): r is PlayedRange => Array.isArray(r) && r.length === 2 && r.every((n) => typeof n === 'number' && Number.isFinite(n))),
        duration,
      ),
    );
    const savedPosition = saved.film?.position;
    const position = typeof savedPosition === 'number' && Number.isFinite(savedPosition) ? Math.floor(Math.min(Math.max(0, savedPosition), duration)) : 0;
    kept.film = { position, played };
  },
  restart(_screen, state, course) {
    const questionIds = course.film.cuePoints.map((cue) => cue.question.id);
    return {
      ...state,
      answers: withoutKeys(state.answers, questionIds),
      attempts: withoutKeys(state.attempts, questionIds),
      film: { position: 0, played: [] },
    };
  },
};
