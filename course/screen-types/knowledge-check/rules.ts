// The knowledge check's course logic: done once decided (passed, or every attempt used); each question reported as
// an interaction of the check; answered one attempt at a time (question-rules.ts applies the answer), and retaken
// (retake-check) after a complete attempt below the pass mark. The marking is the shared toolkit's
// (player/logic/knowledge.ts), which the summary screen and the outcome read too.
import type { KnowledgeCheckScreen, Question } from '../../model/types.ts';
import type { Interaction, ReportedInteractions } from '../interactions.ts';
import type { ActionRules, ScreenRules } from '../screen-type-rules.ts';
import type { QuestionRule } from '../question-rules.ts';
import { namedScreen, unchanged, withoutKeys } from '../screen-type-rules.ts';
import { listed } from '../interactions.ts';
import { questionFiling, questionInteraction } from '../question-rules.ts';
import { attemptOf, checkProgress } from '../../player/logic/knowledge.ts';

export const knowledgeCheckRules: ScreenRules<'knowledge-check'> = {
  completion(course, screen, state) {
    // Done once decided: passed, or every attempt used. An attempt below the pass mark with another to come is not
    // done, so the menu never ticks a check the learner still has to retake.
    const status = checkProgress(course, screen, state);
    return status.passed || status.failedForGood;
  },
  isStarted: (screen, state) => attemptOf(screen, state) > 1 || screen.questions.some((question) => (state.attempts[question.id] ?? 0) > 0),
};

export const knowledgeCheckInteractions: ReportedInteractions<'knowledge-check'> = {
  ofScreen: (_course, screen) =>
    screen.questions.map((question) =>
      listed(checkQuestionInteraction(screen, question), questionFiling({ kind: 'knowledge', groupId: screen.id, groupTitle: screen.title }, question)),
    ),
};

export const knowledgeCheckQuestions: QuestionRule<'knowledge-check'> = {
  answerable(context, state, entry) {
    const check = context.map.byId.get(entry.screenId)?.screen;
    if (check?.type !== 'knowledge-check') return null;
    // One answer per question per attempt, and no more answers than the attempt has questions. (The screen offers
    // only the questions the learner's draw asks; resume drops any other answer, in player/state/sanitize.ts.)
    if ((state.attempts[entry.question.id] ?? 0) > 0 || checkProgress(context.course, check, state).complete) return null;
    return checkQuestionInteraction(check, entry.question);
  },
  marks: true,
};

export const knowledgeCheckActions: ActionRules<'retake-check'> = {
  'retake-check'(context, state, action) {
    // The next attempt: only after a complete attempt below the pass mark, and while attempts are left. Its
    // questions are drawn afresh, so the bank's answers are cleared.
    const { course } = context;
    const screen = namedScreen(context, action);
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
      screen,
      marks: true,
    };
  },
};

function checkQuestionInteraction(screen: KnowledgeCheckScreen, question: Question): Interaction {
  return questionInteraction(`${screen.id}.${question.id}`, question);
}
