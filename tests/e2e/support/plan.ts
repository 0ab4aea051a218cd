// What the learner of the walk-through does, derived from the course data alone so a content change moves the test
// with it: the ratings they give, the path they take through each scenario (a mix of helpful, partly helpful and
// unhelpful choices), the tries at each film question (right first time, or one wrong then right), how many
// knowledge-check answers they get wrong in each attempt (enough to fall below the pass mark the first time, none
// the second) and what they write in each reflection. Which questions an attempt asks, and in what order, follow
// from the learner's own seed, so the walk records them (`asked`) as it answers, for expected.ts.
import type { Course, FilmCuePoint, Question, ScenarioScreen } from '../../../course/model/types.ts';

export interface LearnerPlan {
  confidence: Record<'before' | 'after', Record<string, number>>;
  /** Choice ids taken in each scenario (by screen id), in order, ending the scenario. */
  scenarios: Record<string, string[]>;
  /** For each film question, the option ids of each try, in option order. */
  attempts: Record<string, string[][]>;
  /** Knowledge check: answers the learner gets wrong in each attempt (the first ones asked), one entry per attempt. */
  wrongPerAttempt: number[];
  /** Filled in by the walk: each attempt's questions in the order asked, with the option ids answered (option order). */
  asked: { questionId: string; answer: string[] }[][];
  /** Reflection text by prompt id. Each holds a marker no other text in the course has, to search requests for. */
  reflections: Record<string, string>;
}

export function planFor(course: Course): LearnerPlan {
  const items = course.confidence.items;
  const points = course.confidence.scaleLabels.length;
  const scenarios: Record<string, string[]> = {};
  const attempts: Record<string, string[][]> = {};
  const reflections: Record<string, string> = {};
  const scenarioScreens = course.sections.flatMap((s) => s.screens).filter((s): s is ScenarioScreen => s.type === 'scenario');
  scenarioScreens.forEach((screen, index) => (scenarios[screen.id] = scenarioPath(screen, index)));

  const check = course.sections.flatMap((s) => s.screens).find((s) => s.type === 'knowledge-check');
  // Below the pass mark the first time (so the walk retakes the check with new questions), then all right.
  const wrongPerAttempt: number[] = [];
  if (check?.type === 'knowledge-check') {
    const asked = Math.min(check.questionsPerAttempt, check.questions.length);
    const toPass = Math.ceil((course.completion.passMark * asked) / 100);
    if (check.attempts > 1 && toPass > 0) wrongPerAttempt.push(asked - toPass + 1);
    wrongPerAttempt.push(0);
  }
  course.film.cuePoints.forEach((cue: FilmCuePoint, index) => {
    attempts[cue.question.id] = index % 2 === 0 ? [rightAnswer(cue.question)] : [wrongAnswer(cue.question, 0), rightAnswer(cue.question)];
  });

  let n = 0;
  for (const screen of course.sections.flatMap((s) => s.screens)) {
    if (screen.type !== 'reflection') continue;
    for (const prompt of screen.prompts) {
      n++;
      reflections[prompt.id] = `Private note ${n}: zqx-reflection-${n} I will ask before I assume, and tell my supervisor.`.slice(0, prompt.maxLength);
    }
  }

  return {
    // Before: low ratings reached with Space or one arrow; after: higher ones, several arrows away.
    confidence: {
      before: Object.fromEntries(items.map((item, i) => [item.id, Math.min(points, (i % 2) + 1)])),
      after: Object.fromEntries(items.map((item, i) => [item.id, Math.min(points, (i % 3) + 2)])),
    },
    scenarios,
    attempts,
    wrongPerAttempt,
    asked: [],
    reflections,
  };
}

/** At step k of scenario i the learner takes choice (i + k) mod n, and follows it to wherever it leads. */
function scenarioPath(screen: ScenarioScreen, scenarioIndex: number): string[] {
  const path: string[] = [];
  let stepId: string | null = screen.start;
  while (stepId !== null) {
    const step = screen.steps.find((candidate) => candidate.id === stepId);
    if (!step) throw new Error(`scenario ${screen.id} has no step ${stepId}`);
    const choice = step.choices[(scenarioIndex + path.length) % step.choices.length]!;
    path.push(choice.id);
    stepId = choice.next;
    if (path.length > screen.steps.length) throw new Error(`scenario ${screen.id} loops`);
  }
  return path;
}

export function rightAnswer(question: Question): string[] {
  return question.options.filter((option) => option.correct).map((option) => option.id);
}

/** A wrong answer: for single choice the k-th wrong option; for multiple choice the right set without one of its options. */
export function wrongAnswer(question: Question, k: number): string[] {
  if (question.kind === 'single') {
    const wrong = question.options.filter((option) => !option.correct);
    return [wrong[k % wrong.length]!.id];
  }
  const right = rightAnswer(question);
  const dropped = right[k % right.length];
  const answer = right.filter((id) => id !== dropped);
  return answer.length > 0 ? answer : [question.options.find((option) => !option.correct)!.id];
}

/**
 * The ratings a keyboard learner passes through on a rating scale with nothing chosen yet: Tab lands on the first
 * point unchosen; Space chooses it, and each arrow moves to and chooses the next point. So rating r > 1 is reached
 * through 2, 3, … r; the course tells the LMS only r, the rating settled on, when the learner moves on.
 */
export function ratingsPassedThrough(rating: number): number[] {
  if (rating <= 1) return [1];
  return Array.from({ length: rating - 1 }, (_, i) => i + 2);
}
