// Building statements: who (the launch's actor), in which context (registration, the course as parent, and for cmi5
// the LMS's context template, copied in and never overwritten), with ids and timestamps made here.
import type { Activity, Agent, Context, Extensions, Result, Statement, Verb } from '@xapi/xapi';
import type { AnswerRecord } from '../tracker.ts';
import { isoDuration } from '../shared/durations.ts';
import type { QueuedStatement } from './statement-queue.ts';

const verb = (id: string, display: string): Verb => ({ id, display: { 'en-US': display } });

export const VERBS = {
  initialized: verb('http://adlnet.gov/expapi/verbs/initialized', 'initialized'),
  resumed: verb('http://adlnet.gov/expapi/verbs/resumed', 'resumed'),
  progressed: verb('http://adlnet.gov/expapi/verbs/progressed', 'progressed'),
  answered: verb('http://adlnet.gov/expapi/verbs/answered', 'answered'),
  completed: verb('http://adlnet.gov/expapi/verbs/completed', 'completed'),
  passed: verb('http://adlnet.gov/expapi/verbs/passed', 'passed'),
  failed: verb('http://adlnet.gov/expapi/verbs/failed', 'failed'),
  suspended: verb('http://adlnet.gov/expapi/verbs/suspended', 'suspended'),
  terminated: verb('http://adlnet.gov/expapi/verbs/terminated', 'terminated'),
  played: verb('https://w3id.org/xapi/video/verbs/played', 'played'),
  paused: verb('https://w3id.org/xapi/video/verbs/paused', 'paused'),
  seeked: verb('https://w3id.org/xapi/video/verbs/seeked', 'seeked'),
};

/** A course score for a result: scaled 0..1 (clamped), and the same as raw 0..100. */
export function score(scaled: number): NonNullable<Result['score']> {
  const s = Math.min(1, Math.max(0, scaled));
  return { scaled: Number(s.toFixed(4)), raw: Number((s * 100).toFixed(2)), min: 0, max: 100 };
}

export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

/** Who and where every statement of this session is about. */
export interface StatementFrame {
  actor: Agent;
  /** The object of course-level statements: the launch's activity id (cmi5: the LMS-made AU id). */
  activityId: string;
  /** The publisher's course IRI: interactions, sections and the film get stable ids beneath it. */
  courseIri: string;
  courseTitle: string;
  language: string;
  registration: string | null;
  /** cmi5 only: the context template from LMS.LaunchData. */
  contextTemplate: Context | null;
}

export interface StatementParts {
  verb: Verb;
  object: Activity;
  result?: Result;
  /** Extra context activities (added after the template's, never replacing them). */
  categories?: Activity[];
  parent?: Activity[];
  extensions?: Extensions;
}

export class StatementFactory {
  constructor(
    readonly frame: StatementFrame,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  make(parts: StatementParts): QueuedStatement {
    const statement: Statement & { id: string } = {
      id: this.newId(),
      actor: this.frame.actor,
      verb: parts.verb,
      object: parts.object,
      context: this.context(parts),
      timestamp: new Date(this.now()).toISOString(),
    };
    if (parts.result) statement.result = parts.result;
    return statement;
  }

  /** The course (or AU) itself, as the object of course-level statements. */
  courseActivity(definition = true): Activity {
    const activity: Activity = { objectType: 'Activity', id: this.frame.activityId };
    if (definition) activity.definition = { type: 'http://adlnet.gov/expapi/activities/course', name: { [this.frame.language]: this.frame.courseTitle } };
    return activity;
  }

  childId(kind: 'interactions' | 'sections' | 'film', id: string): string {
    return `${this.frame.courseIri.replace(/\/+$/, '')}/${kind}/${encodeURIComponent(id)}`;
  }

  /** An answer as an "answered" statement about a cmi.interaction activity, its options (or scale) from the answer. */
  answered(answer: AnswerRecord): QueuedStatement {
    const lang = this.frame.language;
    const definition: Record<string, unknown> = {
      type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
      interactionType: answer.type,
      description: { [lang]: answer.description },
    };
    if (answer.choices.length > 0) definition[answer.type === 'likert' ? 'scale' : 'choices'] = answer.choices.map((c) => ({ id: c.id, description: { [lang]: c.text } }));
    if (answer.correct) definition.correctResponsesPattern = [answer.correct.join('[,]')];
    const result: Result = { response: answer.response.join('[,]'), duration: isoDuration(answer.latencyMs) };
    if (answer.result !== 'neutral') result.success = answer.result === 'correct';
    return this.make({
      verb: VERBS.answered,
      object: { objectType: 'Activity', id: this.childId('interactions', answer.id), definition: definition as Activity['definition'] },
      result,
      parent: [this.courseActivity(false)],
    });
  }

  progressed(sectionId: string, progress: number): QueuedStatement {
    return this.make({
      verb: VERBS.progressed,
      object: { objectType: 'Activity', id: this.childId('sections', sectionId), definition: { type: 'http://adlnet.gov/expapi/activities/module' } },
      result: { extensions: { [PROGRESS_EXTENSION]: Math.round(Math.min(1, Math.max(0, progress)) * 100) } },
      parent: [this.courseActivity(false)],
    });
  }

  private context(parts: StatementParts): Context {
    const template: Context = this.frame.contextTemplate ? (JSON.parse(JSON.stringify(this.frame.contextTemplate)) as Context) : {};
    const context: Context = { ...template };
    if (this.frame.registration && context.registration === undefined) context.registration = this.frame.registration;
    if (context.language === undefined) context.language = this.frame.language;
    const activities = { ...template.contextActivities };
    const add = (key: 'parent' | 'category', extra: Activity[] | undefined) => {
      if (!extra?.length) return;
      const current = activities[key] ?? [];
      activities[key] = [...current, ...extra.filter((a) => !current.some((c) => c.id === a.id))];
    };
    add('parent', parts.parent);
    add('category', parts.categories);
    if (Object.keys(activities).length > 0) context.contextActivities = activities;
    if (parts.extensions || template.extensions) context.extensions = { ...parts.extensions, ...template.extensions };
    return context;
  }
}
