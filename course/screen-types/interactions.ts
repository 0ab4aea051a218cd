// The interactions a screen type reports: each question the LMS hears answers to, with its id, prompt and choices.
// A type's rules.ts defines them once, and they serve twice: as the answer the player reports (answerRecord, made
// from the one interaction answered) and as the report's list of questions (ReportedInteractions: every one in the
// course, each with where the report files it, tools/report/course-questions.ts), so the two cannot drift apart.
// Only the report reads the lists and the filing, which the LMS never hears, so they stay out of the player's build.
import type { Course, ScenarioChoice } from '../model/types.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';
import type { AnswerRecord } from '../runtime/tracker.ts';
import { optionChoices } from '../runtime/answer-choices.ts';

export type InteractionKind = 'scenario' | 'knowledge' | 'film' | 'confidence-before' | 'confidence-after';

export interface InteractionChoice {
  id: string;
  text: string;
  /** Scenario choices: how helpful the course says the choice is. */
  quality?: ScenarioChoice['quality'];
  /** Knowledge and film questions: whether the option is a right answer. */
  correct?: boolean;
}

/** A question as the LMS hears it. */
export interface Interaction {
  /** The interaction id the player reports: "<scenario>.<step>", "<check>.<question>", "<film>.<cue point>"… */
  id: string;
  prompt: string;
  /** Likert items: choice ids are the ratings "1".."n", and nothing is right or wrong. */
  likert: boolean;
  choices: InteractionChoice[];
}

/** Where a report files an interaction, which the LMS does not hear. */
export interface Filing {
  kind: InteractionKind;
  /** What the question belongs to: the scenario's title, the knowledge check's, the film's, or the confidence item id. */
  groupId: string;
  groupTitle: string;
  /** Several choices may be picked at once (knowledge-check "multiple" questions). */
  multiple: boolean;
}

/** An interaction as a report lists it. */
export type ListedInteraction = Interaction & Filing;

/** Every interaction of a screen type, as the report lists them. */
export interface ReportedInteractions<T extends ScreenType> {
  /** A screen's, in course order. */
  ofScreen(course: Course, screen: ScreenOf<T>): ListedInteraction[];
  /** Those that belong to the course rather than one screen (the film's questions), listed after every screen's. */
  ofCourse?(course: Course): ListedInteraction[];
}

/** The interaction with its filing, in the order a report's question has always had its fields. */
export function listed({ id, prompt, likert, choices }: Interaction, { kind, groupId, groupTitle, multiple }: Filing): ListedInteraction {
  return { id, kind, groupId, groupTitle, prompt, multiple, likert, choices };
}

/**
 * An answer to the interaction as the tracker hears it. Its correct choices are a question's right options or a
 * scenario step's helpful ones; a likert item has none.
 */
export function answerRecord(interaction: Interaction, response: string[], result: AnswerRecord['result'], latencyMs: number): AnswerRecord {
  const { id, likert, prompt, choices } = interaction;
  const correct = likert ? {} : { correct: choices.filter((c) => c.correct === true || c.quality === 'helpful').map((c) => c.id) };
  return { id, type: likert ? 'likert' : 'choice', description: prompt, response, ...correct, result, latencyMs, choices: optionChoices(choices) };
}
