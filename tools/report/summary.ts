// From the tally to the report's figures: completion overall and by team (after the small-numbers rule) with its
// trend, pass rate and confidence change by team (each withheld where too few are counted), the completion
// timeline, time in the course, attempts, the choices staff made at each question, and the change in confidence per
// statement. Pure: the same tally always gives the same figures, whichever input filled it.
import type { QuestionIndex, ReportChoice, ReportQuestion } from './course-questions.ts';
import { completionOf, started, type LearnerRecord, type LearnerTally } from './learner-tally.ts';
import { maskChoices } from './responses.ts';
import { MIN_GROUP_SIZE, OTHER_GROUP, planGroups, planMeasure, plannedGroup, type GroupPlan, type MeasurePlan } from './small-groups.ts';
import { completionTimeline, type Timeline } from './timeline.ts';

export const NO_GROUP = '(no team recorded)';
export const ALL_LEARNERS = 'All learners';
/** The trend compares the completion rate now with this many days before the data's last activity. */
export const TREND_DAYS = 28;
const DAY_MS = 86_400_000;

export interface TrendFigures {
  /** Completion rate TREND_DAYS before the data's last activity (completed by then ÷ started by then). */
  earlierRate: number | null;
  /** Learners who had started by then (the earlier rate's denominator). */
  earlierLearners: number;
  /** Completions in the last TREND_DAYS. */
  recent: number | null;
  /** Why earlierRate is null: completion unknown, too few had started then, completions without a date, or an input
   * that does not say when anyone started (an activity completion download alone). */
  missing: 'unknown' | 'withheld' | 'undated' | 'no-start-dates' | 'none-started' | null;
}

export interface ConfidenceChange {
  /** Learners who rated at least one statement both before and after. */
  paired: number;
  /** Average change per statement rated twice (over the statements shown below), in scale points; null when withheld
   * or nobody paired. */
  change: number | null;
  withheld: boolean;
}

export interface GroupFigures {
  name: string;
  /** Learners counted: those who started the course (or, when no input says who started, everyone listed). */
  learners: number;
  /** Learners who completed; null when some learners' completion is unknown (never shown as a number then). */
  completed: number | null;
  /** Completions the input does show, whatever else is unknown (a floor, never the figure itself). */
  completedKnown: number;
  /** Learners whose completion the input could not tell. */
  statusUnknown: number;
  /** completed ÷ learners; null when unknown or nobody is counted. */
  completionRate: number | null;
  trend: TrendFigures;
  /** Learners whose knowledge check was judged, and how many of them passed. */
  judged: number;
  passed: number;
  /** passed ÷ judged; null when nobody was judged or the figure is withheld (too few judged). */
  passRate: number | null;
  passWithheld: boolean;
  confidence: ConfidenceChange;
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

/** Which LMS's downloads the figures came from, so the report can say where that LMS keeps the named list. */
export type SourceLms = 'moodle' | 'totara' | 'moodle-or-totara';

export interface ReportData {
  courseTitle: string;
  generatedAt: string;
  timezone: string;
  passMark: number;
  minimumGroupSize: number;
  source: { kind: 'lrs' | 'export'; description: string; lms?: SourceLms };
  groupField: string;
  notes: string[];
  /** Who the figures count: learners who started, or (when no input says who started) everyone the LMS lists. */
  population: 'started' | 'enrolled';
  /** The data's last activity (ISO 8601), which the trend is measured back from; null when nothing is dated. */
  asOf: string | null;
  trendDays: number;
  /** Fewer than the minimum number of learners in all: nothing but this fact is shown. */
  suppressedAll: boolean;
  /** Why some learners' completion may be unknown and how to settle it (said beside the unknown figure). */
  unknownAdvice: string;
  overall: GroupFigures;
  /** People an export lists as enrolled who never started (null when the input cannot list them). */
  enrolledNotStarted: number | null;
  groups: GroupFigures[];
  plan: GroupPlan;
  timeline: Timeline;
  /** Completions over time cannot be drawn: some completions are unknown, or undated. */
  timelineMissing: 'unknown' | 'undated' | null;
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
  /** Whether the input can list enrolled people who never started (an LMS's downloads can, an LRS cannot). */
  listsNonStarters: boolean;
  /** Why some learners' completion may be unknown and how to settle it, said when it happens. */
  unknownCompletionAdvice?: string;
  now?: Date;
}

export function summarise(tally: LearnerTally, index: QuestionIndex, options: SummaryOptions): ReportData {
  const learners = [...tally.learners.values()];
  const population: ReportData['population'] = learners.some((r) => r.inTracking) ? 'started' : 'enrolled';
  const active = population === 'started' ? learners.filter(started) : learners;
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
  const shownNames = suppressedAll ? [] : [...plan.shown, ...(plan.otherSize >= MIN_GROUP_SIZE ? [OTHER_GROUP] : [])];
  // Measured from the data rather than today, so a report on last month's download still has a trend.
  const asOf = active.reduce((latest, r) => (r.lastActivity > latest || Number.isNaN(latest) ? r.lastActivity : latest), NaN);
  const questions = index.questions.filter((q) => q.kind === 'scenario' || q.kind === 'knowledge' || q.kind === 'film').map((q) => questionFigures(q, active, suppressedAll));
  const confidence = confidenceFigures(index, active, suppressedAll);
  const rated = ratingPairs(index, new Set(confidence.items.filter((i) => !i.suppressed).map((i) => i.itemId)));

  // The figures that count only part of each team are withheld team by team, then the all-teams figure is shown.
  const members = shownNames.map((name) => [name, byGroup.get(name) ?? []] as const);
  const measure = (count: (records: readonly LearnerRecord[]) => number): MeasurePlan => planMeasure(new Map(members.map(([name, records]) => [name, count(records)])));
  const context: FigureContext = {
    population,
    asOf,
    ratingPairs: rated,
    plans: {
      judged: measure((records) => records.filter((r) => r.judged).length),
      paired: measure((records) => records.filter((r) => rated(r).rated > 0).length),
      earlier: measure((records) => startedBy(records, asOf - TREND_DAYS * DAY_MS).length),
    },
  };
  const groups = members.map(([name, records]) => figuresFor({ team: name }, records, context));
  const overall = figuresFor('all', active, context);

  const notes = [...(options.notes ?? [])];
  if (overall.statusUnknown > 0) {
    const n = overall.statusUnknown;
    notes.push(
      `Completion is unknown for ${n} of the ${overall.learners} learners${overall.completedKnown > 0 ? ` (${overall.completedKnown} are known to have completed)` : ''}, so the completed count, the completion rate and the completions over time are not given: a number would understate them.`,
    );
  }
  const completions = active.map(completionOf).filter((c) => c.state === 'completed');
  const undated = completions.filter((c) => !Number.isFinite(c.at)).length;
  if (undated > 0 && overall.statusUnknown === 0) notes.push(`${undated} completion${undated === 1 ? ' has' : 's have'} no date in the input, so completions over time are not shown.`);
  const lmsOnly = active.filter((r) => r.lms === 'completed' && !r.inTracking).length;
  if (population === 'started' && lmsOnly > 0) {
    notes.push(
      `${lmsOnly} learner${lmsOnly === 1 ? ' is' : 's are'} completed in the LMS's activity completion report but ${lmsOnly === 1 ? 'has' : 'have'} no attempt in the tracking data (a completion set by hand, or an attempt since deleted): counted as started and completed.`,
    );
  }
  const timelineMissing = overall.statusUnknown > 0 ? 'unknown' : undated > 0 ? 'undated' : null;
  return {
    courseTitle: index.course.title,
    generatedAt: (options.now ?? new Date()).toISOString(),
    timezone: options.timezone,
    passMark: options.passMark,
    minimumGroupSize: MIN_GROUP_SIZE,
    source: options.source,
    groupField: options.groupField,
    notes,
    population,
    asOf: Number.isFinite(asOf) ? new Date(asOf).toISOString() : null,
    trendDays: TREND_DAYS,
    suppressedAll,
    unknownAdvice: options.unknownCompletionAdvice ?? 'The input does not say whether these learners completed.',
    overall,
    enrolledNotStarted: options.listsNonStarters && population === 'started' ? learners.length - active.length : null,
    groups,
    plan,
    timeline: timelineMissing ? { granularity: 'week', buckets: [] } : completionTimeline(completions.map((c) => c.at), options.timezone),
    timelineMissing,
    attempts: attemptFigures(active),
    questions,
    confidence,
  };
}

interface FigureContext {
  population: ReportData['population'];
  asOf: number;
  ratingPairs: (record: LearnerRecord) => { rated: number; pairs: number; change: number };
  plans: { judged: MeasurePlan; paired: MeasurePlan; earlier: MeasurePlan };
}

/** Learners who had started by `cutoff`; a completion the LMS recorded counts as a start where no attempt is dated. */
function startedBy(records: readonly LearnerRecord[], cutoff: number): LearnerRecord[] {
  return records.filter((r) => {
    const start = Number.isFinite(r.firstActivity) ? r.firstActivity : completionOf(r).at;
    return start <= cutoff;
  });
}

/** The figures of one team, or of all learners together. */
function figuresFor(scope: { team: string } | 'all', records: readonly LearnerRecord[], context: FigureContext): GroupFigures {
  const name = scope === 'all' ? ALL_LEARNERS : scope.team;
  const withheld = (plan: MeasurePlan) => (scope === 'all' ? plan.totalWithheld : plan.withheld.has(scope.team));
  const states = records.map(completionOf);
  const completedKnown = states.filter((c) => c.state === 'completed').length;
  const statusUnknown = states.filter((c) => c.state === 'unknown').length;
  const completed = statusUnknown > 0 ? null : completedKnown;
  const judged = records.filter((r) => r.judged).length;
  const passed = records.filter((r) => r.passed).length;
  const passWithheld = withheld(context.plans.judged);
  let pairs = 0;
  let change = 0;
  let paired = 0;
  for (const r of records) {
    const rated = context.ratingPairs(r);
    if (rated.rated === 0) continue;
    paired++;
    pairs += rated.pairs;
    change += rated.change;
  }
  const confidenceWithheld = withheld(context.plans.paired);
  const times = records.filter((r, i) => states[i]!.state === 'completed' && !Number.isNaN(r.timeSpentMs)).map((r) => r.timeSpentMs / 60_000);
  return {
    name,
    learners: records.length,
    completed,
    completedKnown,
    statusUnknown,
    completionRate: completed !== null && records.length > 0 ? completed / records.length : null,
    trend: trendFor(records, states, context, withheld(context.plans.earlier)),
    judged,
    passed,
    passRate: judged > 0 && !passWithheld ? passed / judged : null,
    passWithheld,
    confidence: { paired, change: pairs > 0 && !confidenceWithheld ? change / pairs : null, withheld: confidenceWithheld },
    medianMinutes: median(times),
    timed: times.length,
  };
}

function trendFor(records: readonly LearnerRecord[], states: readonly ReturnType<typeof completionOf>[], context: FigureContext, withheld: boolean): TrendFigures {
  const none = (missing: NonNullable<TrendFigures['missing']>, recent: number | null = null): TrendFigures => ({ earlierRate: null, earlierLearners: 0, recent, missing });
  if (states.some((c) => c.state === 'unknown')) return none('unknown');
  const completedAt = states.filter((c) => c.state === 'completed').map((c) => c.at);
  if (!Number.isFinite(context.asOf) || completedAt.some((at) => !Number.isFinite(at))) return none('undated');
  const cutoff = context.asOf - TREND_DAYS * DAY_MS;
  const recent = completedAt.filter((at) => at > cutoff).length;
  if (context.population === 'enrolled') return none('no-start-dates', recent);
  const before = startedBy(records, cutoff);
  if (before.length === 0) return { earlierRate: null, earlierLearners: 0, recent, missing: 'none-started' };
  if (withheld) return { earlierRate: null, earlierLearners: before.length, recent, missing: 'withheld' };
  const doneBefore = completedAt.filter((at) => at <= cutoff).length;
  return { earlierRate: doneBefore / before.length, earlierLearners: before.length, recent, missing: null };
}

/**
 * Each learner's confidence ratings given both before and after: how many statements they rated twice (any statement,
 * for who counts as having rated twice), and how many and by how much over the statements shown (rated twice by
 * enough learners), for the change: a statement withheld on its own is never folded into a figure that is shown.
 */
function ratingPairs(index: QuestionIndex, shownItems: ReadonlySet<string>): (record: LearnerRecord) => { rated: number; pairs: number; change: number } {
  const items = index.course.confidence.items
    .map((item) => ({
      shown: shownItems.has(item.id),
      before: index.questions.find((q) => q.kind === 'confidence-before' && q.groupId === item.id),
      after: index.questions.find((q) => q.kind === 'confidence-after' && q.groupId === item.id),
    }))
    .filter((pair): pair is { shown: boolean; before: ReportQuestion; after: ReportQuestion } => pair.before !== undefined && pair.after !== undefined);
  return (record) => {
    let rated = 0;
    let pairs = 0;
    let change = 0;
    for (const { shown, before, after } of items) {
      const b = rating(record, before);
      const a = rating(record, after);
      if (b === null || a === null) continue;
      rated++;
      if (!shown) continue;
      pairs++;
      change += a - b;
    }
    return { rated, pairs, change };
  };
}

function rating(record: LearnerRecord, question: ReportQuestion): number | null {
  const mask = record.answers?.[question.index] ?? 0;
  return mask === 0 ? null : (maskChoices(mask)[0] as number) + 1;
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
