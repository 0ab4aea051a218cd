// Questions, the one home of what the film's cue points and the knowledge check share: an answer is the 'answer'
// action whichever screen asked it, checked against the question's options and kept and reported alike. What differs
// is the owner's to say (film/rules.ts, knowledge-check/rules.ts): whether the question may be answered now, and
// whether an answer counts towards a score.
import type { Course, Question } from '../model/types.ts';
import type { LearnerState } from '../runtime/state/learner-state.ts';
import type { ReduceContext } from '../player/state/rules.ts';
import type { Filing, Interaction } from './interactions.ts';
import type { ActionOf, ActionRule } from './screen-type-rules.ts';
import { answerRecord } from './interactions.ts';
import { unchanged } from './screen-type-rules.ts';
import { indexQuestions, type IndexedQuestion } from '../player/logic/question-index.ts';
import { isAnswerCorrect } from '../player/logic/knowledge.ts';

export type QuestionOwner = IndexedQuestion['owner'];
type OwnedQuestion<O extends QuestionOwner> = Extract<IndexedQuestion, { owner: O }>;

/** What a question's owning screen type says of its questions. */
export interface QuestionRule<O extends QuestionOwner> {
  /** The question's interaction, when the learner may answer it in this state; null when they may not. */
  answerable(context: ReduceContext, state: LearnerState, entry: OwnedQuestion<O>): Interaction | null;
  /** An answer counts towards a score, so the outcome may change (the film's questions are practice). */
  marks: boolean;
}

export type QuestionRules = { [O in QuestionOwner]: QuestionRule<O> };

/**
 * Every question by id, once per course object. The ids and options are the course's structure, which the course
 * parts never change (they only fill in text, in place), so the index stays right as parts arrive.
 */
const indexes = new WeakMap<Course, ReadonlyMap<string, IndexedQuestion>>();

function questionsOf(course: Course): ReadonlyMap<string, IndexedQuestion> {
  let index = indexes.get(course);
  if (!index) indexes.set(course, (index = indexQuestions(course)));
  return index;
}

/** The 'answer' action, applied by the rules of the question's owner. */
export function answerRule(owners: QuestionRules): ActionRule<ActionOf<'answer'>> {
  return (context, state, action) => {
    const entry = questionsOf(context.course).get(action.questionId);
    if (!entry) return unchanged(state);
    // The owner's rule for this very entry: the table pairs each owner with its own kind of entry.
    const owner = owners[entry.owner] as QuestionRule<QuestionOwner>;
    const interaction = owner.answerable(context, state, entry);
    if (!interaction) return unchanged(state);
    const { question } = entry;
    const valid = new Set(question.options.map((option) => option.id));
    const chosen = [...new Set(action.optionIds.filter((id) => valid.has(id)))];
    if (chosen.length === 0 || (question.kind === 'single' && chosen.length !== 1)) return unchanged(state);
    return {
      state: {
        ...state,
        answers: { ...state.answers, [question.id]: chosen },
        attempts: { ...state.attempts, [question.id]: (state.attempts[question.id] ?? 0) + 1 },
      },
      answer: answerRecord(interaction, chosen, isAnswerCorrect(question, chosen) ? 'correct' : 'incorrect', action.latencyMs),
      // A check's question may complete its screen; a film question belongs to none.
      screen: entry.screenId === null ? undefined : context.map.byId.get(entry.screenId)?.screen,
      marks: owner.marks,
    };
  };
}

/** A question as an interaction, under the id its owner gives it. */
export function questionInteraction(id: string, question: Question): Interaction {
  return { id, prompt: question.prompt, likert: false, choices: question.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })) };
}

/** Where a report files a question: under its owner's kind and group; several answers at once for a "multiple" one. */
export function questionFiling(owner: Omit<Filing, 'multiple'>, question: Question): Filing {
  return { ...owner, multiple: question.kind === 'multiple' };
}
