// Every question in the course that a report counts answers for, with a dense index each learner's answers are
// stored under. The ids are the ones the player reports (course/player/state/reports.ts): "<scenario>.<step>",
// "<knowledge check>.<question>", "<film>.<cue point>", "<confidence screen>.<item>". They reach a report in three
// spellings: as the xAPI activity id beneath the course IRI, as the id itself (SCORM 2004), or with SCORM 1.2's
// identifier rules applied ("." becomes "_"), where choices are named by position rather than by id.
// Reflection prompts are deliberately absent: their answers are free text and no report may hold them.
import type { Course } from '../../course/model/types.ts';
import { scorm12Identifier } from '../../course/runtime/scorm/data-model-12.ts';

export type QuestionKind = 'scenario' | 'knowledge' | 'film' | 'confidence-before' | 'confidence-after';

export interface ReportChoice {
  id: string;
  text: string;
  /** Scenario choices: how helpful the course says the choice is. */
  quality?: 'helpful' | 'partly-helpful' | 'unhelpful';
  /** Knowledge and film questions: whether the option is a right answer. */
  correct?: boolean;
}

export interface ReportQuestion {
  /** Position in QuestionIndex.questions, and in each learner's answer arrays. */
  index: number;
  /** The interaction id the player reports. */
  id: string;
  kind: QuestionKind;
  /** What the question belongs to: the scenario's title, the knowledge check's, the film's, or the confidence item id. */
  groupId: string;
  groupTitle: string;
  prompt: string;
  /** Several choices may be picked at once (knowledge-check "multiple" questions). */
  multiple: boolean;
  /** Likert items: choice ids are the ratings "1".."n". */
  likert: boolean;
  choices: ReportChoice[];
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
  const add = (question: Omit<ReportQuestion, 'index'>) => {
    if (question.choices.length > MAX_CHOICES) throw new Error(`question ${question.id} has more than ${MAX_CHOICES} choices`);
    questions.push({ ...question, index: questions.length });
  };
  const likertChoices = course.confidence.scaleLabels.map((label, i) => ({ id: String(i + 1), text: label }));

  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type === 'scenario') {
        for (const step of screen.steps) {
          add({
            id: `${screen.id}.${step.id}`,
            kind: 'scenario',
            groupId: screen.id,
            groupTitle: screen.title,
            prompt: step.question,
            multiple: false,
            likert: false,
            choices: step.choices.map((c) => ({ id: c.id, text: c.text, quality: c.quality })),
          });
        }
      } else if (screen.type === 'knowledge-check') {
        for (const q of screen.questions) {
          add({
            id: `${screen.id}.${q.id}`,
            kind: 'knowledge',
            groupId: screen.id,
            groupTitle: screen.title,
            prompt: q.prompt,
            multiple: q.kind === 'multiple',
            likert: false,
            choices: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
          });
        }
      } else if (screen.type === 'confidence') {
        for (const item of course.confidence.items) {
          add({
            id: `${screen.id}.${item.id}`,
            kind: screen.phase === 'before' ? 'confidence-before' : 'confidence-after',
            groupId: item.id,
            groupTitle: item.statement,
            prompt: item.statement,
            multiple: false,
            likert: true,
            choices: likertChoices,
          });
        }
      }
    }
  }
  for (const cue of course.film.cuePoints) {
    const q = cue.question;
    add({
      id: `${course.film.id}.${cue.id}`,
      kind: 'film',
      groupId: course.film.id,
      groupTitle: course.film.title,
      prompt: q.prompt,
      multiple: q.kind === 'multiple',
      likert: false,
      choices: q.options.map((o) => ({ id: o.id, text: o.text, correct: o.correct })),
    });
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
