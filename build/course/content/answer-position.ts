// Answers must not give themselves away: the helpful choice (scenario steps) or the right option (film questions,
// knowledge-check questions) may be first, or the longest, in at most half the items of each kind.
import type { Course } from '../../../course/types.ts';
import type { CourseProblem } from '../problems.ts';
import { pointerOf } from '../problems.ts';

type Problem = Omit<CourseProblem, 'file'>;

interface Item {
  pointer: string;
  /** Text of every option, in course order. */
  texts: string[];
  /** Which options are the helpful or right ones. */
  good: boolean[];
}

interface Kind {
  name: string;
  option: string;
  items: Item[];
}

export function answerKinds(course: Course): Kind[] {
  const steps: Item[] = [];
  const checks: Item[] = [];
  course.sections.forEach((section, s) =>
    section.screens.forEach((screen, i) => {
      const at = ['sections', s, 'screens', i];
      if (screen.type === 'scenario') {
        screen.steps.forEach((step, k) =>
          steps.push({ pointer: pointerOf([...at, 'steps', k, 'choices']), texts: step.choices.map((c) => c.text), good: step.choices.map((c) => c.quality === 'helpful') }),
        );
      } else if (screen.type === 'knowledge-check') {
        screen.questions.forEach((question, k) =>
          checks.push({ pointer: pointerOf([...at, 'questions', k, 'options']), texts: question.options.map((o) => o.text), good: question.options.map((o) => o.correct) }),
        );
      }
    }),
  );
  const film = course.film.cuePoints.map((cue, k) => ({
    pointer: pointerOf(['film', 'cuePoints', k, 'question', 'options']),
    texts: cue.question.options.map((o) => o.text),
    good: cue.question.options.map((o) => o.correct),
  }));
  return [
    { name: 'scenario steps', option: 'helpful choice', items: steps },
    { name: 'film questions', option: 'right answer', items: film },
    { name: 'knowledge-check questions', option: 'right answer', items: checks },
  ];
}

/** Whether a good option is the first one. */
export function goodIsFirst(item: Item): boolean {
  return item.good[0] === true;
}

/** Whether a good option is the longest one (a tie with a wrong option counts: it still stands out). */
export function goodIsLongest(item: Item): boolean {
  const longest = Math.max(...item.texts.map((text) => text.length));
  return item.texts.some((text, i) => item.good[i] === true && text.length === longest);
}

export function checkAnswerPositions(course: Course): Problem[] {
  const problems: Problem[] = [];
  for (const kind of answerKinds(course)) {
    // A single item of a kind is always "first" or not: the rule needs a few items to mean anything.
    if (kind.items.length < 2) continue;
    for (const [what, test] of [['first', goodIsFirst], ['longest', goodIsLongest]] as const) {
      const hits = kind.items.filter(test);
      if (hits.length * 2 > kind.items.length) {
        problems.push({
          pointer: hits[0]!.pointer,
          message: `the ${kind.option} is the ${what} option in ${hits.length} of ${kind.items.length} ${kind.name}, so ${what === 'first' ? 'its position' : 'its length'} gives it away`,
          allowed: `the ${kind.option} ${what} in at most half the ${kind.name} (${Math.floor(kind.items.length / 2)}); reorder the options or ${what === 'first' ? 'move it' : 'write wrong options as full and plausible as the right one'}`,
        });
      }
    }
  }
  return problems;
}
