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

export function reportCharts(data: ReportData): KeyedChart[] {
  if (data.suppressedAll) return [];
  const charts: KeyedChart[] = [];
  const groups = data.groups.filter((g) => g.completionRate !== null);
  if (groups.length > 0) {
    charts.push({
      key: 'completion-by-group',
      spec: {
        kind: 'bar',
        horizontal: true,
        unit: 'percent',
        max: 100,
        min: 0,
        description: `Completion rate by ${data.groupField}: ${groups.map((g) => `${g.name} ${percent(g.completionRate)}%`).join(', ')}.`,
        categories: groups.map((g) => g.name),
        series: [{ name: 'Completion rate', values: groups.map((g) => percent(g.completionRate)) }],
      },
    });
  }
  if (data.timeline.buckets.length > 0) {
    charts.push({
      key: 'completions-over-time',
      spec: {
        kind: 'bar',
        unit: 'count',
        min: 0,
        description: `Completions per ${data.timeline.granularity}, from ${data.timeline.buckets[0]!.label} to ${data.timeline.buckets.at(-1)!.label}; ${data.timeline.buckets.at(-1)!.cumulative} in all.`,
        categories: data.timeline.buckets.map((b) => b.label),
        series: [{ name: 'Completions', values: data.timeline.buckets.map((b) => b.count), colour: NHS_COLOURS.blue }],
      },
    });
  }
  if (data.attempts.learners > 0) {
    charts.push({
      key: 'attempts',
      spec: {
        kind: 'bar',
        unit: 'count',
        min: 0,
        description: `Attempts per learner: ${data.attempts.distribution.map((d) => `${d.label}: ${d.count}`).join(', ')}.`,
        categories: data.attempts.distribution.map((d) => d.label),
        series: [{ name: 'Learners', values: data.attempts.distribution.map((d) => d.count), colour: NHS_COLOURS.darkBlue }],
      },
    });
  }
  for (const [groupId, questions] of scenarioGroups(data.questions)) {
    const shown = questions.filter((q) => !q.suppressed);
    if (shown.length === 0) continue;
    const share = (q: QuestionFigures, quality: keyof typeof QUALITY_COLOURS) =>
      percent(q.respondents === 0 ? 0 : q.choices.filter((c) => c.quality === quality).reduce((n, c) => n + c.count, 0) / q.respondents);
    charts.push({
      key: `scenario-${groupId}`,
      spec: {
        kind: 'bar',
        horizontal: true,
        stacked: true,
        unit: 'percent',
        max: 100,
        min: 0,
        description: `${shown[0]!.groupTitle}: share of staff choosing a helpful, partly helpful or unhelpful response at each step. ${shown
          .map((q) => `${q.prompt} helpful ${share(q, 'helpful')}%`)
          .join('; ')}.`,
        categories: shown.map((q) => q.prompt),
        series: [
          { name: 'Helpful', values: shown.map((q) => share(q, 'helpful')), colour: QUALITY_COLOURS.helpful },
          { name: 'Partly helpful', values: shown.map((q) => share(q, 'partly-helpful')), colour: QUALITY_COLOURS['partly-helpful'] },
          { name: 'Unhelpful', values: shown.map((q) => share(q, 'unhelpful')), colour: QUALITY_COLOURS.unhelpful },
        ],
      },
    });
  }
  const scored = data.questions.filter((q) => (q.kind === 'knowledge' || q.kind === 'film') && !q.suppressed && q.correct !== null);
  if (scored.length > 0) {
    charts.push({
      key: 'knowledge',
      spec: {
        kind: 'bar',
        horizontal: true,
        unit: 'percent',
        max: 100,
        min: 0,
        description: `Share of staff whose latest answer was right: ${scored.map((q) => `${q.prompt} ${percent(q.correct! / q.respondents)}%`).join('; ')}.`,
        categories: scored.map((q) => q.prompt),
        series: [{ name: 'Answered correctly', values: scored.map((q) => percent(q.correct! / q.respondents)), colour: NHS_COLOURS.green }],
      },
    });
  }
  const items = data.confidence.items.filter((i) => !i.suppressed);
  if (items.length > 0) {
    const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
    charts.push({
      key: 'confidence',
      spec: {
        kind: 'bar',
        horizontal: true,
        unit: 'score',
        min: 0,
        max: data.confidence.scaleLabels.length,
        description: `Average confidence rating before and after the course (1 to ${data.confidence.scaleLabels.length}): ${items
          .map((i) => `${i.statement} from ${round(i.beforeMean)} to ${round(i.afterMean)}`)
          .join('; ')}.`,
        categories: items.map((i) => i.statement),
        series: [
          { name: 'Before', values: items.map((i) => round(i.beforeMean)), colour: NHS_COLOURS.secondaryText },
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
