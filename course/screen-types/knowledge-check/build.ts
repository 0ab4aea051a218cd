// The knowledge check's build tier: its questions' ids (LMS interaction ids) and the shared question checks, a
// course whose completion needs a pass must have one, the right answer must not give itself away, every question
// assesses an outcome and explains its answer, the bank is large enough for every attempt to assess every outcome
// (and a retake to differ), and one attempt counts in the time estimate.
import type { KnowledgeCheckScreen } from '../../model/types.ts';
import type { OutcomeReferences, Problem, ScreenTypeBuild } from '../screen-type-build.ts';
import { wordsIn } from '../../../build/course/content/word-count.ts';

export const knowledgeCheckBuild: ScreenTypeBuild<'knowledge-check'> = {
  schema: new URL('./schema.json', import.meta.url),
  screenIds: (screen, pointer) => screen.questions.map((question, index) => ({ id: question.id, kind: 'question', pointer: `${pointer}/questions/${index}/id` })),
  questions: (_course, screens) => screens.flatMap(({ screen, pointer }) => screen.questions.map((question, index) => ({ question, pointer: `${pointer}/questions/${index}` }))),
  crossCheck: (course, screens) =>
    course.completion.rule === 'all-sections-and-pass' && !screens.some(({ screen }) => screen.questions.length > 0)
      ? [
          {
            pointer: '/completion/rule',
            message: 'the rule "all-sections-and-pass" needs a knowledge check to pass, but the course has no knowledge-check screen',
            allowed: '"all-sections", or add a screen with "type": "knowledge-check"',
          },
        ]
      : [],
  answers: {
    name: 'knowledge-check questions',
    option: 'right answer',
    items: (_course, screens) =>
      screens.flatMap(({ screen, pointer }) =>
        screen.questions.map((question, k) => ({ pointer: `${pointer}/questions/${k}/options`, texts: question.options.map((o) => o.text), good: question.options.map((o) => o.correct) })),
      ),
  },
  screenOutcomes: checkBank,
  // One attempt: the average question of the bank, times the questions an attempt draws.
  screenTime: (_course, screen) => {
    const perQuestion = screen.questions.reduce((sum, q) => sum + wordsIn(q.prompt, ...q.options.map((o) => o.text), q.options[0]?.feedback), 0) / Math.max(1, screen.questions.length);
    return { words: Math.round(perQuestion * screen.questionsPerAttempt), decisions: screen.questionsPerAttempt, reflections: 0 };
  },
};

function checkBank(screen: KnowledgeCheckScreen, pointer: string, outcomes: OutcomeReferences): Problem[] {
  const problems: Problem[] = [];
  screen.questions.forEach((question, k) => {
    if (question.outcome === undefined) {
      problems.push({ pointer: `${pointer}/questions/${k}`, message: `question "${question.id}" assesses no learning outcome`, allowed: `"outcome": one of ${outcomes.listed}` });
    } else {
      problems.push(...outcomes.refer(question.outcome, `${pointer}/questions/${k}/outcome`));
    }
    if (question.explanation === undefined) {
      problems.push({ pointer: `${pointer}/questions/${k}`, message: `question "${question.id}" has no "explanation"`, allowed: 'why the right answer is right, shown once the question is settled' });
    }
  });
  const outcomesInBank = new Set(screen.questions.flatMap((q) => (q.outcome !== undefined && outcomes.known.has(q.outcome) ? [q.outcome] : [])));
  if (screen.questionsPerAttempt < outcomesInBank.size) {
    problems.push({
      pointer: `${pointer}/questionsPerAttempt`,
      message: `each attempt draws ${screen.questionsPerAttempt} questions, fewer than the ${outcomesInBank.size} learning outcomes its bank covers`,
      allowed: `at least ${outcomesInBank.size}, so every attempt assesses every outcome`,
    });
  }
  if (screen.questions.length < screen.questionsPerAttempt) {
    problems.push({ pointer: `${pointer}/questions`, message: `the bank holds ${screen.questions.length} questions, fewer than the ${screen.questionsPerAttempt} each attempt draws` });
  }
  for (const id of outcomesInBank) {
    const count = screen.questions.filter((q) => q.outcome === id).length;
    if (screen.attempts > 1 && count < 2) {
      problems.push({
        pointer: `${pointer}/questions`,
        message: `only ${count} question assesses "${id}", so a retake asks it again`,
        allowed: 'at least two questions per learning outcome when the check allows a retake',
      });
    }
  }
  return problems;
}
