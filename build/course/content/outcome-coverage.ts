// Learning outcomes that mean something: each is assessed by at least one knowledge-check question and one scenario,
// and matched by a confidence item; every reference names an outcome that exists; every knowledge-check question
// assesses one; and a check's bank is large enough that a retake draws new questions for every outcome.
import type { Course } from '../../../course/types.ts';
import type { CourseProblem } from '../problems.ts';
import { pointerOf } from '../problems.ts';

type Problem = Omit<CourseProblem, 'file'>;

export function checkOutcomeCoverage(course: Course): Problem[] {
  const problems: Problem[] = [];
  const ids = course.outcomes.map((outcome) => outcome.id);
  const known = new Set(ids);
  const allowed = ids.map((id) => `"${id}"`).join(', ');
  const questionsFor = new Map<string, number>(ids.map((id) => [id, 0]));
  const scenariosFor = new Map<string, number>(ids.map((id) => [id, 0]));
  const confidenceFor = new Map<string, number>(ids.map((id) => [id, 0]));
  const refer = (id: string, pointer: string, tally: Map<string, number>): void => {
    if (known.has(id)) tally.set(id, (tally.get(id) ?? 0) + 1);
    else problems.push({ pointer, message: `names the learning outcome "${id}", which is not in the course's "outcomes"`, allowed });
  };

  course.outcomes.forEach((outcome, index) => {
    if (ids.indexOf(outcome.id) !== index) problems.push({ pointer: pointerOf(['outcomes', index, 'id']), message: `duplicate outcome id "${outcome.id}"` });
  });
  course.confidence.items.forEach((item, k) => refer(item.outcome, pointerOf(['confidence', 'items', k, 'outcome']), confidenceFor));
  course.sections.forEach((section, s) =>
    section.screens.forEach((screen, i) => {
      const at = ['sections', s, 'screens', i];
      if (screen.type === 'scenario') {
        screen.outcomes.forEach((id, k) => refer(id, pointerOf([...at, 'outcomes', k]), scenariosFor));
      } else if (screen.type === 'knowledge-check') {
        screen.questions.forEach((question, k) => {
          if (question.outcome === undefined) {
            problems.push({ pointer: pointerOf([...at, 'questions', k]), message: `question "${question.id}" assesses no learning outcome`, allowed: `"outcome": one of ${allowed}` });
          } else {
            refer(question.outcome, pointerOf([...at, 'questions', k, 'outcome']), questionsFor);
          }
          if (question.explanation === undefined) {
            problems.push({ pointer: pointerOf([...at, 'questions', k]), message: `question "${question.id}" has no "explanation"`, allowed: 'why the right answer is right, shown once the question is settled' });
          }
        });
        const outcomesInBank = new Set(screen.questions.flatMap((q) => (q.outcome !== undefined && known.has(q.outcome) ? [q.outcome] : [])));
        if (screen.questionsPerAttempt < outcomesInBank.size) {
          problems.push({
            pointer: pointerOf([...at, 'questionsPerAttempt']),
            message: `each attempt draws ${screen.questionsPerAttempt} questions, fewer than the ${outcomesInBank.size} learning outcomes its bank covers`,
            allowed: `at least ${outcomesInBank.size}, so every attempt assesses every outcome`,
          });
        }
        if (screen.questions.length < screen.questionsPerAttempt) {
          problems.push({ pointer: pointerOf([...at, 'questions']), message: `the bank holds ${screen.questions.length} questions, fewer than the ${screen.questionsPerAttempt} each attempt draws` });
        }
        for (const id of outcomesInBank) {
          const count = screen.questions.filter((q) => q.outcome === id).length;
          if (screen.attempts > 1 && count < 2) {
            problems.push({
              pointer: pointerOf([...at, 'questions']),
              message: `only ${count} question assesses "${id}", so a retake asks it again`,
              allowed: 'at least two questions per learning outcome when the check allows a retake',
            });
          }
        }
      }
    }),
  );

  course.outcomes.forEach((outcome, index) => {
    const missing = [
      (questionsFor.get(outcome.id) ?? 0) === 0 ? 'no knowledge-check question' : null,
      (scenariosFor.get(outcome.id) ?? 0) === 0 ? 'no scenario' : null,
      (confidenceFor.get(outcome.id) ?? 0) === 0 ? 'no confidence item' : null,
    ].filter((part): part is string => part !== null);
    if (missing.length > 0) {
      problems.push({
        pointer: pointerOf(['outcomes', index]),
        message: `learning outcome "${outcome.id}" is not assessed: ${missing.join(', ')} names it`,
        allowed: 'at least one knowledge-check question ("outcome") and one scenario ("outcomes") that assess it, and a confidence item ("outcome") that matches it',
      });
    }
  });
  return problems;
}
