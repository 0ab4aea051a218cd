// The time a course takes, estimated from its own data, so the stated time cannot drift from the content: the words
// a learner reads on the shortest way through, at 200 words a minute, plus the film's running time, plus a fixed
// time per decision (a choice, an answer or a rating) and per reflection written. The build refuses a stated
// durationMinutes more than 20 % away from this estimate.
import type { Course, ScenarioScreen, Screen } from '../../../course/types.ts';
import type { CourseProblem } from '../problems.ts';

type Problem = Omit<CourseProblem, 'file'>;

export const READING_WORDS_PER_MINUTE = 200;
/** Reading the options again, choosing, and reading what followed, beyond the words themselves. */
export const SECONDS_PER_DECISION = 20;
/** Thinking and writing a short reflection. */
export const SECONDS_PER_REFLECTION = 90;
export const ALLOWED_DIFFERENCE = 0.2;

export interface DurationEstimate {
  words: number;
  filmSeconds: number;
  decisions: number;
  reflections: number;
  minutes: number;
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const words = (...texts: (string | undefined)[]): number => texts.reduce((sum, text) => sum + (text ? countWords(text) : 0), 0);

export function estimateDuration(course: Course): DurationEstimate {
  let total = 0;
  let decisions = course.film.cuePoints.length;
  let reflections = 0;
  for (const cue of course.film.cuePoints) total += words(cue.question.prompt, ...cue.question.options.map((o) => o.text), cue.question.options.find((o) => o.correct)?.feedback);
  for (const screen of course.sections.flatMap((section) => section.screens)) {
    total += words(screen.title, screen.body);
    const counted = screenWords(course, screen);
    total += counted.words;
    decisions += counted.decisions;
    reflections += counted.reflections;
  }
  const filmSeconds = course.film.durationSeconds;
  const minutes = total / READING_WORDS_PER_MINUTE + filmSeconds / 60 + (decisions * SECONDS_PER_DECISION + reflections * SECONDS_PER_REFLECTION) / 60;
  return { words: total, filmSeconds, decisions, reflections, minutes };
}

function screenWords(course: Course, screen: Screen): { words: number; decisions: number; reflections: number } {
  switch (screen.type) {
    case 'welcome':
      return { words: words(course.description, ...course.outcomes.map((o) => o.text), ...screen.activities, screen.privacyNote.private, screen.trackingNote), decisions: 0, reflections: 0 };
    case 'confidence':
      return { words: words(...course.confidence.items.map((item) => item.statement)), decisions: course.confidence.items.length, reflections: 0 };
    case 'voices':
      return { words: words(...screen.voices.flatMap((voice) => [voice.speaker, voice.text])), decisions: 0, reflections: 0 };
    case 'scenario': {
      const path = shortestPath(screen);
      return { words: path.words, decisions: path.steps, reflections: 0 };
    }
    case 'knowledge-check': {
      // One attempt: the average question of the bank, times the questions an attempt draws.
      const perQuestion = screen.questions.reduce((sum, q) => sum + words(q.prompt, ...q.options.map((o) => o.text), q.options[0]?.feedback), 0) / Math.max(1, screen.questions.length);
      return { words: Math.round(perQuestion * screen.questionsPerAttempt), decisions: screen.questionsPerAttempt, reflections: 0 };
    }
    case 'reflection':
      return { words: words(screen.privacyNote?.private, ...screen.prompts.flatMap((p) => [p.prompt, p.hint])), decisions: 0, reflections: screen.prompts.length };
    case 'film':
    case 'summary':
      return { words: 0, decisions: 0, reflections: 0 };
  }
}

/** The way through a scenario with the fewest words: each step's situation, question and choices, and what followed the one taken. */
export function shortestPath(screen: ScenarioScreen): { words: number; steps: number } {
  const byId = new Map(screen.steps.map((step) => [step.id, step]));
  const best = new Map<string, { words: number; steps: number }>();
  const walk = (id: string, visiting: Set<string>): { words: number; steps: number } => {
    const known = best.get(id);
    if (known) return known;
    const step = byId.get(id);
    if (!step || visiting.has(id)) return { words: Infinity, steps: 0 };
    visiting.add(id);
    const base = words(step.situation, step.question, ...step.choices.map((c) => c.text));
    let result = { words: Infinity, steps: 0 };
    for (const choice of step.choices) {
      const after = choice.next === null ? { words: 0, steps: 0 } : walk(choice.next, visiting);
      const here = base + words(choice.consequence, choice.feedback) + after.words;
      if (here < result.words) result = { words: here, steps: 1 + after.steps };
    }
    visiting.delete(id);
    best.set(id, result);
    return result;
  };
  const path = walk(screen.start, new Set());
  return Number.isFinite(path.words) ? path : { words: 0, steps: 0 };
}

export function checkStatedDuration(course: Course): Problem[] {
  const estimate = estimateDuration(course);
  const stated = course.durationMinutes;
  if (Math.abs(stated - estimate.minutes) <= ALLOWED_DIFFERENCE * estimate.minutes) return [];
  const low = Math.ceil(estimate.minutes * (1 - ALLOWED_DIFFERENCE));
  const high = Math.floor(estimate.minutes * (1 + ALLOWED_DIFFERENCE));
  return [
    {
      pointer: '/durationMinutes',
      message:
        `the course says it takes ${stated} minutes, but its own estimate is ${Math.round(estimate.minutes)} ` +
        `(${estimate.words} words on the shortest way through at ${READING_WORDS_PER_MINUTE} a minute, a ${Math.round(estimate.filmSeconds)} s film, ` +
        `${estimate.decisions} decisions at ${SECONDS_PER_DECISION} s and ${estimate.reflections} reflections at ${SECONDS_PER_REFLECTION} s)`,
      allowed: `a whole number of minutes from ${low} to ${high} (within ${ALLOWED_DIFFERENCE * 100} % of the estimate)`,
    },
  ];
}
