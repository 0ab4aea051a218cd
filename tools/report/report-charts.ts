// Which charts the report has, described from the figures (pure; charts.ts draws them). Each chart has a key the
// HTML places it under, next to the table holding the same numbers.
import type { ChartSpec } from './charts.ts';
import { NHS_COLOURS, QUALITY_COLOURS } from './palette.ts';
import type { QuestionFigures, ReportData } from './summary.ts';

export interface KeyedChart {
  key: string;
  spec: ChartSpec;
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);
const shown = (value: number | null) => (value === null ? 'not shown' : `${value}%`);

export function reportCharts(data: ReportData): KeyedChart[] {
  if (data.suppressedAll) return [];
  const charts: KeyedChart[] = [];
  const groups = data.groups.filter((g) => g.completionRate !== null);
  if (groups.length > 0) {
    const weeks = Math.round(data.trendDays / 7);
    const withTrend = groups.some((g) => g.trend.earlierRate !== null);
    const now = groups.map((g) => percent(g.completionRate));
    const earlier = groups.map((g) => percent(g.trend.earlierRate));
    charts.push({
      key: 'completion-by-group',
      spec: {
        title: withTrend ? `Completion rate by team, now and ${weeks} weeks earlier` : 'Completion rate by team',
        unit: 'percent',
        min: 0,
        max: 100,
        description: `Completion rate by team${withTrend ? `, now and ${weeks} weeks earlier` : ''}: ${groups
          .map((g, i) => `${g.name} ${now[i]}%${withTrend ? ` (${weeks} weeks earlier ${shown(earlier[i]!)})` : ''}`)
          .join(', ')}.`,
        categories: groups.map((g) => g.name),
        series: withTrend
          ? [
              { name: `${weeks} weeks earlier`, values: earlier, colour: NHS_COLOURS.lightBlue, textColour: NHS_COLOURS.text },
              { name: 'Now', values: now, colour: NHS_COLOURS.blue },
            ]
          : [{ name: 'Completion rate', values: now, colour: NHS_COLOURS.blue }],
      },
    });
  }
  if (data.timeline.buckets.length > 0) {
    const { buckets, granularity } = data.timeline;
    charts.push({
      key: 'completions-over-time',
      spec: {
        title: `Completions per ${granularity}`,
        unit: 'count',
        min: 0,
        description: `Completions per ${granularity}, from ${buckets[0]!.label} to ${buckets.at(-1)!.label}: ${buckets.map((b) => `${b.label} ${b.count}`).join(', ')}; ${buckets.at(-1)!.cumulative} in all.`,
        categories: buckets.map((b) => b.label),
        series: [{ name: 'Completions', values: buckets.map((b) => b.count), colour: NHS_COLOURS.blue }],
      },
    });
  }
  if (data.attempts.learners > 0) {
    charts.push({
      key: 'attempts',
      spec: {
        title: 'Learners by number of attempts',
        unit: 'count',
        min: 0,
        description: `Attempts per learner: ${data.attempts.distribution.map((d) => `${d.label}: ${d.count}`).join(', ')}.`,
        categories: data.attempts.distribution.map((d) => d.label),
        series: [{ name: 'Learners', values: data.attempts.distribution.map((d) => d.count), colour: NHS_COLOURS.darkBlue }],
      },
    });
  }
  for (const [groupId, questions] of scenarioGroups(data.questions)) {
    const visible = questions.filter((q) => !q.suppressed);
    if (visible.length === 0) continue;
    const share = (q: QuestionFigures, quality: keyof typeof QUALITY_COLOURS) =>
      percent(q.respondents === 0 ? 0 : q.choices.filter((c) => c.quality === quality).reduce((n, c) => n + c.count, 0) / q.respondents);
    charts.push({
      key: `scenario-${groupId}`,
      spec: {
        title: `${visible[0]!.groupTitle}: helpful, partly helpful and unhelpful choices`,
        stacked: true,
        unit: 'percent',
        min: 0,
        max: 100,
        description: `${visible[0]!.groupTitle}: share of staff choosing a helpful, partly helpful or unhelpful response at each step. ${visible
          .map((q) => `${q.prompt} helpful ${share(q, 'helpful')}%, partly helpful ${share(q, 'partly-helpful')}%, unhelpful ${share(q, 'unhelpful')}%`)
          .join('; ')}.`,
        categories: visible.map((q) => q.prompt),
        series: [
          { name: 'Helpful', values: visible.map((q) => share(q, 'helpful')), colour: QUALITY_COLOURS.helpful },
          { name: 'Partly helpful', values: visible.map((q) => share(q, 'partly-helpful')), colour: QUALITY_COLOURS['partly-helpful'], textColour: NHS_COLOURS.text },
          { name: 'Unhelpful', values: visible.map((q) => share(q, 'unhelpful')), colour: QUALITY_COLOURS.unhelpful },
        ],
      },
    });
  }
  const scored = data.questions.filter((q) => (q.kind === 'knowledge' || q.kind === 'film') && !q.suppressed && q.correct !== null);
  if (scored.length > 0) {
    charts.push({
      key: 'knowledge',
      spec: {
        title: 'Share of staff whose latest answer was right',
        unit: 'percent',
        min: 0,
        max: 100,
        description: `Share of staff whose latest answer was right: ${scored.map((q) => `${q.prompt} ${percent(q.correct! / q.respondents)}%`).join('; ')}.`,
        categories: scored.map((q) => q.prompt),
        series: [{ name: 'Answered correctly', values: scored.map((q) => percent(q.correct! / q.respondents)), colour: NHS_COLOURS.green }],
      },
    });
  }
  const items = data.confidence.items.filter((i) => !i.suppressed);
  if (items.length > 0) {
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    const points = data.confidence.scaleLabels.length;
    charts.push({
      key: 'confidence',
      spec: {
        title: 'Average confidence rating before and after the course',
        unit: 'score',
        min: 0,
        max: points,
        description: `Average confidence rating before and after the course (1 to ${points}): ${items
          .map((i) => `${i.statement} from ${round(i.beforeMean)} to ${round(i.afterMean)}`)
          .join('; ')}.`,
        categories: items.map((i) => i.statement),
        series: [
          { name: 'Before', values: items.map((i) => round(i.beforeMean)), colour: NHS_COLOURS.lightBlue, textColour: NHS_COLOURS.text },
          { name: 'After', values: items.map((i) => round(i.afterMean)), colour: NHS_COLOURS.blue },
        ],
      },
    });
  }
  return charts;
}

/** Scenario questions by scenario, in course order. */
export function scenarioGroups(questions: readonly QuestionFigures[]): Map<string, QuestionFigures[]> {
  const groups = new Map<string, QuestionFigures[]>();
  for (const q of questions) {
    if (q.kind !== 'scenario') continue;
    let list = groups.get(q.groupId);
    if (!list) groups.set(q.groupId, (list = []));
    list.push(q);
  }
  return groups;
}
