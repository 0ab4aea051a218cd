// Answers must not give themselves away: the helpful choice (scenario steps) or the right option (film questions,
// knowledge-check questions) may be first, or the longest, in at most half the items of each kind. The screen types
// with such items name their kind and list them (the "answers" of their build tier).
import type { Course } from '../../../course/model/types.ts';
import type { CourseProblem } from '../problems.ts';
import { perScreenType, type AnswerItem } from '../../../course/screen-types/build.ts';

type Problem = Omit<CourseProblem, 'file'>;

interface Kind {
  name: string;
  option: string;
  items: AnswerItem[];
}

/** Each screen type's items of the kind it names (course/screen-types/<type>/build.ts), in the registry's order. */
export function answerKinds(course: Course): Kind[] {
  return perScreenType(course, ({ answers }, screens) => (answers ? [{ name: answers.name, option: answers.option, items: answers.items(course, screens) }] : [])).flat();
}

/** Whether a good option is the first one. */
export function goodIsFirst(item: AnswerItem): boolean {
  return item.good[0] === true;
}

/** Whether a good option is the longest one (a tie with a wrong option counts: it still stands out). */
export function goodIsLongest(item: AnswerItem): boolean {
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
