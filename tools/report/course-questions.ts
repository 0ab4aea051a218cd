// Every question in the course that a report counts answers for, with a dense index each learner's answers are
// stored under. The list is the screen types' own (course/screen-types/rules.ts: each type's rules define the
// interactions it reports, and the player makes its answers from the same ones), screen by screen in course order,
// then the film's questions, so its ids are the ones the player reports: "<scenario>.<step>",
// "<knowledge check>.<question>", "<film>.<cue point>", "<confidence screen>.<item>". They reach a report in three
// spellings: as the xAPI activity id beneath the course IRI, as the id itself (SCORM 2004), or with SCORM 1.2's
// identifier rules applied ("." becomes "_"), where choices are named by position rather than by id.
// Reflection prompts are deliberately absent: their answers are free text and no report may hold them.
import type { Course } from '../../course/model/types.ts';
import type { Filing, Interaction, InteractionChoice, InteractionKind } from '../../course/screen-types/interactions.ts';
import { courseInteractions } from '../../course/screen-types/rules.ts';
import { scorm12Identifier } from '../../course/runtime/scorm/data-model-12.ts';

/** The kinds and choices of the interactions the screen types report (course/screen-types/interactions.ts). */
export type QuestionKind = InteractionKind;
export type ReportChoice = InteractionChoice;

/** One interaction the course reports, filed as a report counts answers to it. */
export interface ReportQuestion extends Interaction, Filing {
  /** Position in QuestionIndex.questions, and in each learner's answer arrays. */
  index: number;
}

/** How a response names the chosen options: by option id (xAPI, SCORM 2004) or by position letter (SCORM 1.2). */
export type ResponseEncoding = 'ids' | 'positions';

export interface QuestionMatch {
  question: ReportQuestion;
  encoding: ResponseEncoding;
}

export interface QuestionIndex {
  course: Course;
  /** The course IRI without trailing slashes: every statement about the course has an object id beneath it. */
  iri: string;
  questions: ReportQuestion[];
  /** By interaction id as an LMS stores it (either SCORM spelling). */
  byInteractionId(id: string): QuestionMatch | null;
  /** By xAPI activity id (`<iri>/interactions/<id>`). */
  byActivityId(activityId: string): ReportQuestion | null;
}

/** Choices fit in one 32-bit mask per answer. */
export const MAX_CHOICES = 31;

export function indexQuestions(course: Course): QuestionIndex {
  const iri = course.iri.replace(/\/+$/, '');
  const questions: ReportQuestion[] = [];
  for (const question of courseInteractions(course)) {
    if (question.choices.length > MAX_CHOICES) throw new Error(`question ${question.id} has more than ${MAX_CHOICES} choices`);
    questions.push({ ...question, index: questions.length });
  }

  const byId = new Map<string, QuestionMatch>();
  const byActivity = new Map<string, ReportQuestion>();
  for (const question of questions) {
    byId.set(question.id, { question, encoding: 'ids' });
    const scorm12 = scorm12Identifier(question.id);
    if (!byId.has(scorm12)) byId.set(scorm12, { question, encoding: 'positions' });
    byActivity.set(`${iri}/interactions/${encodeURIComponent(question.id)}`, question);
  }
  return {
    course,
    iri,
    questions,
    byInteractionId: (id) => byId.get(id.trim()) ?? null,
    byActivityId: (activityId) => byActivity.get(activityId) ?? null,
  };
}
