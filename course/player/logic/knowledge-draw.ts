// Which questions a knowledge-check attempt asks, and in what order their options appear, for one learner. Both
// follow from the learner's seed (saved with their progress), so a resume shows exactly what they saw before, and
// another learner sees another order. Each attempt draws one question per learning outcome first, preferring
// questions not drawn in earlier attempts, then fills up to questionsPerAttempt; so a retake is not a replay.
import type { Course, KnowledgeCheckScreen, Question, QuestionOption } from '../../model/types.ts';
import type { LearnerState } from '../../runtime/state/learner-state.ts';
import { checkProgress, type CheckProgress } from './knowledge.ts';
import { hash32 } from '../../runtime/state/hash.ts';
import { mulberry32, shuffled } from '../../runtime/state/seeded-random.ts';

const draws = new WeakMap<KnowledgeCheckScreen, Map<string, Question[]>>();

/** The questions of attempt `attempt` (1-based), in the order they are asked. */
export function drawQuestions(screen: KnowledgeCheckScreen, seed: number, attempt: number): Question[] {
  let cache = draws.get(screen);
  if (!cache) draws.set(screen, (cache = new Map()));
  const key = `${seed}:${attempt}`;
  let drawn = cache.get(key);
  if (!drawn) cache.set(key, (drawn = draw(screen, seed, attempt)));
  return drawn;
}

function draw(screen: KnowledgeCheckScreen, seed: number, attempt: number): Question[] {
  const seen = new Set<string>();
  let drawn: Question[] = [];
  for (let n = 1; n <= Math.max(1, attempt); n++) {
    // Once the whole bank has been asked, start again from all of it.
    if (seen.size + Math.min(screen.questionsPerAttempt, screen.questions.length) > screen.questions.length) seen.clear();
    drawn = drawOne(screen, mulberry32(hash32(`${seed}:${screen.id}:${n}`)), seen);
    for (const question of drawn) seen.add(question.id);
  }
  return drawn;
}

function drawOne(screen: KnowledgeCheckScreen, random: () => number, seen: ReadonlySet<string>): Question[] {
  const size = Math.min(screen.questionsPerAttempt, screen.questions.length);
  const groups = new Map<string, Question[]>();
  for (const question of screen.questions) {
    const key = question.outcome ?? '';
    groups.set(key, [...(groups.get(key) ?? []), question]);
  }
  const fresh = (list: readonly Question[]) => {
    const unseen = list.filter((q) => !seen.has(q.id));
    return unseen.length > 0 ? unseen : list;
  };
  const picked: Question[] = [];
  for (const group of shuffled([...groups.values()], random)) {
    if (picked.length >= size) break;
    const candidates = fresh(group);
    picked.push(candidates[Math.floor(random() * candidates.length)] as Question);
  }
  const rest = screen.questions.filter((q) => !picked.includes(q));
  for (const question of shuffled(fresh(rest), random)) {
    if (picked.length >= size) break;
    picked.push(question);
  }
  for (const question of shuffled(rest, random)) {
    if (picked.length >= size) break;
    if (!picked.includes(question)) picked.push(question);
  }
  return shuffled(picked, random);
}

/** The question's options in this learner's order. */
export function optionOrder(question: Question, seed: number): QuestionOption[] {
  return shuffled(question.options, mulberry32(hash32(`${seed}:${question.id}`)));
}

/** Where a learner stands with a check, with the questions of the attempt under way, in the order asked. */
export interface CheckStatus extends CheckProgress {
  questions: Question[];
}

export function checkStatus(course: Course, screen: KnowledgeCheckScreen, state: LearnerState): CheckStatus {
  const progress = checkProgress(course, screen, state);
  return { ...progress, questions: drawQuestions(screen, state.seed, progress.attempt) };
}
