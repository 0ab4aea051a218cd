// A knowledge check on resume: the attempt under way is kept within the check's attempts, and its answers count only
// for the questions that attempt draws (from the learner's seed), once each.
import { attemptOf, checkScreens } from '../../player/logic/knowledge.ts';
import { drawQuestions } from '../../player/logic/knowledge-draw.ts';
import { keptChoices } from '../../player/state/kept-answers.ts';
import { withoutKeys } from '../screen-type-rules.ts';
import type { ScreenTypeResume } from '../screen-type-resume.ts';

export const knowledgeCheckResume: ScreenTypeResume<'knowledge-check'> = {
  clean(saved, kept, course) {
    for (const screen of checkScreens(course)) {
      const attempt = saved.checkAttempts?.[screen.id];
      if (Number.isInteger(attempt) && (attempt as number) > 1) kept.checkAttempts[screen.id] = Math.min(attempt as number, Math.max(1, screen.attempts));
      // The attempt of this check alone decides what it draws.
      for (const question of drawQuestions(screen, kept.seed, attemptOf(screen, { ...saved, checkAttempts: kept.checkAttempts }))) {
        const ids = keptChoices(question, saved.answers?.[question.id]);
        if (ids === null) continue;
        kept.answers[question.id] = ids;
        kept.attempts[question.id] = 1;
      }
    }
  },
  restart(screen, state) {
    const questionIds = screen.questions.map((q) => q.id);
    return {
      ...state,
      answers: withoutKeys(state.answers, questionIds),
      attempts: withoutKeys(state.attempts, questionIds),
      checkAttempts: withoutKeys(state.checkAttempts, [screen.id]),
    };
  },
};
