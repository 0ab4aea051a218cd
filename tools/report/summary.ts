// From the tally to the report's figures: completion overall and by group (after the small-numbers rule), the
// completion timeline, time in the course, pass rate and attempts, the choices staff made at each question, and
// the change in confidence. Pure: the same tally always gives the same figures, whichever input filled it.
import type { QuestionIndex, ReportChoice, ReportQuestion } from './course-questions.ts';
import { completionUnknown, started, type LearnerRecord, type LearnerTally } from './learner-tally.ts';
import { maskChoices } from './responses.ts';
import { MIN_GROUP_SIZE, OTHER_GROUP, planGroups, plannedGroup, type GroupPlan } from './small-groups.ts';
import { completionTimeline, type Timeline } from './timeline.ts';

export const NO_GROUP = '(no team recorded)';

export interface GroupFigures {
  name: string;
  /** Learners who started the course. */
  learners: number;
  completed: number;
  /** Learners whose completion the input could not tell (left out of the rate). */
  statusUnknown: number;
  /** completed ÷ (learners − statusUnknown); null when nobody's status is known. */
  completionRate: number | null;
  /** Learners whose knowledge check was judged, and how many of them passed. */
  judged: number;
  passed: number;
  passRate: number | null;
  /** Median time in the course of those who completed, in minutes; null when the input has no times. */
  medianMinutes: number | null;
  timed: number;
}

export interface ChoiceFigures extends ReportChoice {
  count: number;
  /** Share of respondents, 0..1 (multiple-answer questions can add up to more than 1). */
  share: number;
}

export interface QuestionFigures {
  id: string;
  kind: ReportQuestion['kind'];
  groupId: string;
  groupTitle: string;
  prompt: string;
  multiple: boolean;
  respondents: number;
  /** Knowledge and film questions: respondents whose answer was exactly the right option(s); null for scenarios. */
  correct: number | null;
  /** Under the minimum: counts withheld. */
  suppressed: boolean;
  choices: ChoiceFigures[];
}

export interface ConfidenceFigures {
  itemId: string;
  statement: string;
  /** Learners who rated the item both before and after. */
  paired: number;
  suppressed: boolean;
  beforeMean: number | null;
  afterMean: number | null;
  /** afterMean − beforeMean, in scale points. */
  change: number | null;
}

export interface AttemptFigures {
  learners: number;
  mean: number | null;
  median: number | null;
  distribution: { label: string; count: number }[];
}

export interface ReportData {
  courseTitle: string;
  generatedAt: string;
  timezone: string;
  passMark: number;
  minimumGroupSize: number;
  source: { kind: 'lrs' | 'export'; description: string };
  groupField: string;
  notes: string[];
  /** Fewer than the minimum number of learners in all: nothing but this fact is shown. */
  suppressedAll: boolean;
  overall: GroupFigures;
  /** People an export lists as enrolled who never started (null when the input cannot list them). */
  enrolledNotStarted: number | null;
  groups: GroupFigures[];
  plan: GroupPlan;
  timeline: Timeline;
  attempts: AttemptFigures;
  questions: QuestionFigures[];
  confidence: { scaleLabels: string[]; items: ConfidenceFigures[]; paired: number; meanChange: number | null };
}

export interface SummaryOptions {
  source: ReportData['source'];
  groupField: string;
  timezone: string;
  passMark: number;
  notes?: string[];
  /** Whether the input can list enrolled people who never started (Moodle's report can, an LRS cannot). */
  listsNonStarters: boolean;
  now?: Date;
}

export function summarise(tally: LearnerTally, index: QuestionIndex, options: SummaryOptions): ReportData {
  const learners = [...tally.learners.values()];
  const active = learners.filter(started);
  const groupOf = (r: LearnerRecord) => r.group ?? NO_GROUP;
  const sizes = new Map<string, number>();
  for (const r of active) sizes.set(groupOf(r), (sizes.get(groupOf(r)) ?? 0) + 1);
  const plan = planGroups(sizes);
  const suppressedAll = plan.allSuppressed;

  const byGroup = new Map<string, LearnerRecord[]>();
  for (const r of active) {
    const name = plannedGroup(plan, groupOf(r));
    let members = byGroup.get(name);
    if (!members) byGroup.set(name, (members = []));
    members.push(r);
  }
  const groups = suppressedAll
    ? []
    : [...plan.shown, ...(plan.otherSize >= MIN_GROUP_SIZE ? [OTHER_GROUP] : [])].map((name) => figuresFor(name, byGroup.get(name) ?? []));

  const notes = [...(options.notes ?? [])];
  const unknown = active.filter(completionUnknown).length;
  if (unknown > 0) {
    notes.push(
      `${unknown} learner${unknown === 1 ? "'s" : "s'"} completion could not be read from the export (Moodle shows the score in place of the status once there is one): they are left out of the completion rate. Add Moodle's Objectives report download of the same activity to settle them.`,
    );
  }
  const minimum = MIN_GROUP_SIZE;
  const questions = index.questions.filter((q) => q.kind === 'scenario' || q.kind === 'knowledge' || q.kind === 'film').map((q) => questionFigures(q, active, suppressedAll));
  return {
    courseTitle: index.course.title,
    generatedAt: (options.now ?? new Date()).toISOString(),
    timezone: options.timezone,
    passMark: options.passMark,
    minimumGroupSize: minimum,
    source: options.source,
    groupField: options.groupField,
    notes,
    suppressedAll,
    overall: figuresFor('All learners', active),
    enrolledNotStarted: options.listsNonStarters ? learners.length - active.length : null,
    groups,
    plan,
    timeline: completionTimeline(
      active.map((r) => r.completedAt),
      options.timezone,
    ),
    attempts: attemptFigures(active),
    questions,
    confidence: confidenceFigures(index, active, suppressedAll),
  };
}

function figuresFor(name: string, records: readonly LearnerRecord[]): GroupFigures {
  const completed = records.filter((r) => !Number.isNaN(r.completedAt)).length;
  const statusUnknown = records.filter(completionUnknown).length;
  const known = records.length - statusUnknown;
  const judged = records.filter((r) => r.judged).length;
  const passed = records.filter((r) => r.passed).length;
  const times = records.filter((r) => !Number.isNaN(r.completedAt) && !Number.isNaN(r.timeSpentMs)).map((r) => r.timeSpentMs / 60_000);
  return {
    name,
    learners: records.length,
    completed,
    statusUnknown,
    completionRate: known > 0 ? completed / known : null,
    judged,
    passed,
    passRate: judged > 0 ? passed / judged : null,
    medianMinutes: median(times),
    timed: times.length,
  };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function attemptFigures(records: readonly LearnerRecord[]): AttemptFigures {
  const counts = records.map((r) => r.attempts.size);
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    learners: counts.length,
    mean: counts.length > 0 ? total / counts.length : null,
    median: median(counts),
    distribution: [
      { label: '1 attempt', count: counts.filter((c) => c === 1).length },
      { label: '2 attempts', count: counts.filter((c) => c === 2).length },
      { label: '3 or more', count: counts.filter((c) => c >= 3).length },
    ],
  };
}

function questionFigures(question: ReportQuestion, records: readonly LearnerRecord[], suppressedAll: boolean): QuestionFigures {
  const counts = new Array<number>(question.choices.length).fill(0);
  const rightMask = question.choices.reduce((mask, c, i) => (c.correct ? mask | (1 << i) : mask), 0);
  const scored = question.kind === 'knowledge' || question.kind === 'film';
  let respondents = 0;
  let correct = 0;
  for (const r of records) {
    const mask = r.answers?.[question.index] ?? 0;
    if (mask === 0) continue;
    respondents++;
    if (mask === rightMask) correct++;
    for (const i of maskChoices(mask)) counts[i] = (counts[i] ?? 0) + 1;
  }
  const suppressed = suppressedAll || respondents < MIN_GROUP_SIZE;
  return {
    id: question.id,
    kind: question.kind,
    groupId: question.groupId,
    groupTitle: question.groupTitle,
    prompt: question.prompt,
    multiple: question.multiple,
    respondents,
    correct: scored && !suppressed ? correct : null,
    suppressed,
    choices: question.choices.map((choice, i) => ({ ...choice, count: suppressed ? 0 : counts[i]!, share: suppressed || respondents === 0 ? 0 : counts[i]! / respondents })),
  };
}

function confidenceFigures(index: QuestionIndex, records: readonly LearnerRecord[], suppressedAll: boolean): ReportData['confidence'] {
  const rating = (r: LearnerRecord, q: ReportQuestion) => {
    const mask = r.answers?.[q.index] ?? 0;
    return mask === 0 ? null : (maskChoices(mask)[0] as number) + 1;
  };
  let totalChange = 0;
  let totalPairs = 0;
  const pairedLearners = new Set<LearnerRecord>();
  const items = index.course.confidence.items.map((item): ConfidenceFigures => {
    const before = index.questions.find((q) => q.kind === 'confidence-before' && q.groupId === item.id);
    const after = index.questions.find((q) => q.kind === 'confidence-after' && q.groupId === item.id);
    let sumBefore = 0;
    let sumAfter = 0;
    let paired = 0;
    if (before && after) {
      for (const r of records) {
        const b = rating(r, before);
        const a = rating(r, after);
        if (b === null || a === null) continue;
        paired++;
        sumBefore += b;
        sumAfter += a;
        pairedLearners.add(r);
      }
    }
    const suppressed = suppressedAll || paired < MIN_GROUP_SIZE;
    if (!suppressed) {
      totalChange += sumAfter - sumBefore;
      totalPairs += paired;
    }
    return {
      itemId: item.id,
      statement: item.statement,
      paired,
      suppressed,
      beforeMean: suppressed ? null : sumBefore / paired,
      afterMean: suppressed ? null : sumAfter / paired,
      change: suppressed ? null : (sumAfter - sumBefore) / paired,
    };
  });
  return { scaleLabels: index.course.confidence.scaleLabels, items, paired: pairedLearners.size, meanChange: totalPairs > 0 ? totalChange / totalPairs : null };
}
