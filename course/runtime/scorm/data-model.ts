// What a SCORM version's data model needs to say for each thing the tracker does, as plain lists of writes. The
// transport (scorm-transport.ts) applies them through the LMS connection; keeping them pure keeps the formats testable.
import type { StandardId } from '../../model/types.ts';
import type { LmsProfile } from '../lms-profiles.ts';
import type { AnswerRecord, LaunchMode, Outcome } from '../tracker.ts';
import type { ScormApiName } from './find-api.ts';
import type { ScormVersion } from './lms-connection.ts';

export interface ScormWrite {
  element: string;
  value: string;
  /** A refusal here means the learner's record is not safe in the LMS: the learner is told. */
  critical: boolean;
}

export interface SessionRead {
  learnerId: string | null;
  learnerName: string | null;
  suspendData: string | null;
  location: string | null;
  mode: LaunchMode;
  /** The LMS already holds a completed (or passed) result: never report less. */
  completedBefore: boolean;
  passedBefore: boolean;
  /** The LMS still shows the attempt as not started. */
  notStarted: boolean;
}

export interface InteractionContext {
  /** The answer, with its question's options (SCORM 1.2 names a choice by its position among them). */
  answer: AnswerRecord;
  now: Date;
  language: string;
}

/**
 * One answer as cmi.interactions.n, made once in the form it is kept (the interaction journal, this browser) and
 * written: fields below the interaction, since its index is known only when the LMS takes its id.
 */
export interface ScormInteraction {
  /** cmi.interactions.n.id as written. */
  lmsId: string;
  /** The timestamp as written where the LMS lets it be read back (2004); '' where it does not (1.2). */
  stamp: string;
  /** Element names below cmi.interactions.n, and values, in the order they are written (the id first). */
  fields: [string, string][];
}

/** An interaction's fields as the elements of interaction `index`. */
export function interactionElements(interaction: Pick<ScormInteraction, 'fields'>, index: number): { element: string; value: string }[] {
  return interaction.fields.map(([field, value]) => ({ element: `cmi.interactions.${index}.${field}`, value }));
}

export interface SharedReflection {
  id: string;
  prompt: string;
  text: string;
}

export interface SharedReflections {
  all: SharedReflection[];
  changed: SharedReflection;
  /** Whether the LMS takes interactions now. */
  interactions: boolean;
  now: Date;
  language: string;
}

export interface ScormDataModel {
  version: ScormVersion;
  standard: StandardId;
  apiName: ScormApiName;
  suspendDataLimit: number;
  /** cmi.entry: read first, since it says whether there is anything to resume. */
  entryElement: string;
  /**
   * Elements read once at start, after the entry (their values and the entry's are passed to readSession). Only what
   * the LMS has: on a first launch a 2004 LMS has never set suspend_data or location, and reading them is an error
   * (403) in the LMS's log.
   */
  sessionElements(entry: string): string[];
  readSession(values: Record<string, string>): SessionRead;
  startWrites(session: SessionRead): ScormWrite[];
  stateWrites(state: string, location: string): ScormWrite[];
  sessionTimeWrites(ms: number): ScormWrite[];
  outcomeWrites(outcome: Outcome, profile: LmsProfile, before: SessionRead): ScormWrite[];
  interactionCountElement: string;
  interaction(context: InteractionContext): ScormInteraction;
  /**
   * What the LMS holds of its first `count` interactions (id and timestamp), read with `read`, for a relaunch to
   * know which answers it has; null where interactions cannot be read back (1.2: write-only).
   */
  heldInteractions(count: number, read: (element: string) => string): { id: string; stamp: string }[] | null;
  objectiveCountElement: string;
  objectiveIdElement(index: number): string;
  /** The objective id a section is reported under. */
  objectiveId(sectionId: string): string;
  objectiveWrites(index: number, sectionId: string, progress: number, isNew: boolean): ScormWrite[];
  /** Exit value written with every interim commit and on leaving. */
  exitWrites(how: 'suspend' | 'finish', profile: LmsProfile): ScormWrite[];
  /** Ask the LMS to close the course, where the version has a way. */
  navigationWrites(how: 'suspend' | 'finish', profile: LmsProfile): ScormWrite[];
  /** Whether the end of a session commits before Terminate (1.2 always; 2004 where the LMS profile asks). */
  commitBeforeTerminate(profile: LmsProfile): boolean;
  /** Reflections the variant shares with the LMS (1.2: all of them in cmi.comments; 2004: the changed one as an interaction). */
  sharedReflectionWrites(context: SharedReflections): { writes: ScormWrite[]; interaction: ScormInteraction | null };
}

/** "Last, First" (how SCORM LMSs usually send names) as "First Last"; anything else as it is. */
export function displayName(raw: string): string | null {
  const name = raw.trim();
  if (name === '') return null;
  const parts = name.split(',');
  if (parts.length !== 2) return name;
  const [last = '', first = ''] = parts.map((p) => p.trim());
  return first && last ? `${first} ${last}` : name;
}

export function launchMode(raw: string): LaunchMode {
  return raw === 'review' ? 'review' : raw === 'browse' ? 'browse' : 'normal';
}

/** Text cut to a data model's length, with an ellipsis when something was cut. */
export function clamp(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** A score 0..1 as a SCORM decimal string: at most four places, no exponent. */
export function decimal(value: number, places = 4): string {
  return String(Number(value.toFixed(places)));
}
