// The report's figures as CSV beside the HTML, one figure per row ("tidy"), for a spreadsheet or the trust's own
// dashboards: section, group, item, option, measure, value. Suppressed figures are absent, never zero. Cells that
// a spreadsheet would run as a formula (starting = + - @) are prefixed with an apostrophe: group names come from
// the LMS and must not be able to execute anything when the file is opened.
import { scenarioGroups } from './report-charts.ts';
import type { ReportData } from './summary.ts';

type Cell = string | number | null;

export const CSV_HEADER = ['section', 'group', 'item', 'option', 'measure', 'value'] as const;

export function renderReportCsv(data: ReportData): string {
  const rows: Cell[][] = [[...CSV_HEADER]];
  const add = (section: string, group: string, item: string, option: string, measure: string, value: number | null) => {
    if (value !== null && Number.isFinite(value)) rows.push([section, group, item, option, measure, round(value)]);
  };
  add('summary', '', '', '', 'minimum_group_size', data.minimumGroupSize);
  if (data.suppressedAll) {
    add('summary', '', '', '', 'suppressed_fewer_than_minimum', 1);
    return rows.map(line).join('\r\n') + '\r\n';
  }
  for (const g of [...data.groups, data.overall]) {
    const section = g === data.overall ? 'summary' : 'completion_by_group';
    add(section, g.name, '', '', 'learners_started', g.learners);
    add(section, g.name, '', '', 'learners_completed', g.completed);
    if (g.statusUnknown > 0) add(section, g.name, '', '', 'status_unknown', g.statusUnknown);
    add(section, g.name, '', '', 'completion_rate_percent', percent(g.completionRate));
    add(section, g.name, '', '', 'learners_judged', g.judged);
    add(section, g.name, '', '', 'learners_passed', g.passed);
    add(section, g.name, '', '', 'pass_rate_percent', percent(g.passRate));
    add(section, g.name, '', '', 'median_minutes', g.medianMinutes);
  }
  if (data.enrolledNotStarted !== null) add('summary', 'All learners', '', '', 'enrolled_not_started', data.enrolledNotStarted);
  for (const b of data.timeline.buckets) {
    add('completions_over_time', '', b.start, data.timeline.granularity, 'completions', b.count);
    add('completions_over_time', '', b.start, data.timeline.granularity, 'cumulative', b.cumulative);
  }
  add('attempts', '', '', '', 'mean_attempts', data.attempts.mean);
  add('attempts', '', '', '', 'median_attempts', data.attempts.median);
  for (const d of data.attempts.distribution) add('attempts', '', d.label, '', 'learners', d.count);
  const orderedQuestions = [...[...scenarioGroups(data.questions).values()].flat(), ...data.questions.filter((q) => q.kind !== 'scenario')];
  for (const q of orderedQuestions) {
    if (q.suppressed) continue;
    const section = q.kind === 'scenario' ? 'scenario_choices' : 'question_answers';
    add(section, q.groupTitle, q.id, '', 'respondents', q.respondents);
    if (q.correct !== null) add(section, q.groupTitle, q.id, '', 'answered_correctly', q.correct);
    for (const c of q.choices) {
      add(section, q.groupTitle, q.id, c.id, 'learners', c.count);
      add(section, q.groupTitle, q.id, c.id, 'share_percent', percent(c.share));
    }
  }
  for (const i of data.confidence.items) {
    if (i.suppressed) continue;
    add('confidence', '', i.itemId, '', 'paired_learners', i.paired);
    add('confidence', '', i.itemId, '', 'mean_before', i.beforeMean);
    add('confidence', '', i.itemId, '', 'mean_after', i.afterMean);
    add('confidence', '', i.itemId, '', 'mean_change', i.change);
  }
  return rows.map(line).join('\r\n') + '\r\n';
}

function percent(share: number | null): number | null {
  return share === null ? null : share * 100;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function line(cells: Cell[]): string {
  return cells.map(cell).join(',');
}

export function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
