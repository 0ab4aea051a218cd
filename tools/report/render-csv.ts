// The report's figures as CSV beside the HTML, written for Excel as much as for other tools: UTF-8 with a byte-order
// mark (without it Excel reads "Ward 7 – Llŷn" as "Ward 7 â€“ LlÅ·n"), CRLF line ends, and two files:
//   - completion-by-team.csv, the wide sheet a manager opens: one row per team (then all learners), one column per
//     figure, headed in words;
//   - completion-report.csv, every figure one per row ("long", for pivot tables and dashboards): section, team, the
//     item's and option's ids with their wording beside them, measure, value, and a note.
// A figure that is withheld (fewer than five people) or unknown has an empty value and says which in the note (the
// wide sheet writes the words in the cell): never a zero. Cells a spreadsheet would run as a formula (starting
// = + - @) are prefixed with an apostrophe: team names come from the LMS and must not execute anything when opened.
import { MIN_GROUP_SIZE } from './small-groups.ts';
import { scenarioGroups } from './report-charts.ts';
import type { GroupFigures, ReportData } from './summary.ts';

type Cell = string | number | null;

/** Excel takes a file as UTF-8 only when it starts with this. */
export const BOM = '\ufeff';
export const CSV_HEADER = ['section', 'team', 'item_id', 'item', 'option_id', 'option', 'measure', 'value', 'note'] as const;
const WITHHELD = `withheld: fewer than ${MIN_GROUP_SIZE}`;

export function renderReportCsv(data: ReportData): string {
  const rows: Cell[][] = [[...CSV_HEADER]];
  const row = (section: string, team: string, item: [string, string], option: [string, string], measure: string, value: number | null, note = '') => {
    const usable = value !== null && Number.isFinite(value);
    rows.push([section, team, item[0], item[1], option[0], option[1], measure, usable ? round(value) : null, usable ? '' : note]);
  };
  const none: [string, string] = ['', ''];
  row('summary', '', none, none, 'minimum_group_size', data.minimumGroupSize);
  if (data.suppressedAll) {
    row('summary', '', none, none, 'learners', null, `${WITHHELD} in all, so no figures are shown`);
    return finish(rows);
  }
  const weeks = Math.round(data.trendDays / 7);
  const counted = data.population === 'started' ? 'learners_started' : 'learners_enrolled';
  for (const g of [...data.groups, data.overall]) {
    const section = g === data.overall ? 'summary' : 'completion_by_team';
    const add = (measure: string, value: number | null, note = '') => row(section, g.name, none, none, measure, value, note);
    const unknownNote = `unknown: completion of ${g.statusUnknown} learners is not in the input`;
    add(counted, g.learners);
    add('learners_completed', g.completed, unknownNote);
    if (g.statusUnknown > 0) {
      add('learners_completed_known', g.completedKnown);
      add('completion_status_unknown', g.statusUnknown);
    }
    add('completion_rate_percent', percent(g.completionRate), g.learners === 0 ? 'nobody counted' : unknownNote);
    add(`completion_rate_${weeks}_weeks_earlier_percent`, percent(g.trend.earlierRate), trendNote(g));
    add(`completed_in_last_${weeks}_weeks`, g.trend.recent, trendNote(g));
    add('learners_with_knowledge_check_result', g.passWithheld ? null : g.judged, WITHHELD);
    add('learners_passed', g.passWithheld ? null : g.passed, WITHHELD);
    add('pass_rate_percent', percent(g.passRate), g.passWithheld ? WITHHELD : 'no results yet');
    add('learners_rated_confidence_twice', g.confidence.withheld ? null : g.confidence.paired, WITHHELD);
    add('confidence_change_points', g.confidence.change, g.confidence.withheld ? WITHHELD : 'nobody rated twice');
    add('median_minutes', g.medianMinutes, 'not in the input');
  }
  if (data.enrolledNotStarted !== null) row('summary', data.overall.name, none, none, 'enrolled_not_started', data.enrolledNotStarted);
  if (data.timelineMissing) row('completions_over_time', '', none, none, 'completions', null, data.timelineMissing === 'unknown' ? 'unknown: some completions are not in the input' : 'some completions have no date');
  for (const b of data.timeline.buckets) {
    row('completions_over_time', '', [b.start, b.label], [data.timeline.granularity, ''], 'completions', b.count);
    row('completions_over_time', '', [b.start, b.label], [data.timeline.granularity, ''], 'cumulative', b.cumulative);
  }
  row('attempts', '', none, none, 'mean_attempts', data.attempts.mean);
  row('attempts', '', none, none, 'median_attempts', data.attempts.median);
  for (const d of data.attempts.distribution) row('attempts', '', [d.label, d.label], none, 'learners', d.count);
  const orderedQuestions = [...[...scenarioGroups(data.questions).values()].flat(), ...data.questions.filter((q) => q.kind !== 'scenario')];
  for (const q of orderedQuestions) {
    const section = q.kind === 'scenario' ? 'scenario_choices' : 'question_answers';
    const item: [string, string] = [q.id, q.prompt];
    if (q.suppressed) {
      row(section, q.groupTitle, item, none, 'respondents', null, `${WITHHELD} answered`);
      continue;
    }
    row(section, q.groupTitle, item, none, 'respondents', q.respondents);
    if (q.correct !== null) row(section, q.groupTitle, item, none, 'answered_correctly', q.correct);
    for (const c of q.choices) {
      row(section, q.groupTitle, item, [c.id, c.text], 'learners', c.count);
      row(section, q.groupTitle, item, [c.id, c.text], 'share_percent', percent(c.share));
    }
  }
  for (const i of data.confidence.items) {
    const item: [string, string] = [i.itemId, i.statement];
    if (i.suppressed) {
      row('confidence', '', item, none, 'paired_learners', null, `${WITHHELD} rated it twice`);
      continue;
    }
    row('confidence', '', item, none, 'paired_learners', i.paired);
    row('confidence', '', item, none, 'mean_before', i.beforeMean);
    row('confidence', '', item, none, 'mean_after', i.afterMean);
    row('confidence', '', item, none, 'mean_change', i.change);
  }
  return finish(rows);
}

/** The wide sheet: one row per team, then all learners; one column per figure, headed in words. */
export function renderTeamCsv(data: ReportData): string {
  const weeks = Math.round(data.trendDays / 7);
  const header = [
    'Team',
    data.population === 'started' ? 'Started' : 'Enrolled',
    'Completed',
    'Completion rate (%)',
    `Completion rate ${weeks} weeks earlier (%)`,
    `Completed in the last ${weeks} weeks`,
    'With a knowledge-check result',
    'Passed',
    'Pass rate (%)',
    'Rated confidence before and after',
    'Confidence change (points)',
    'Median time of those who completed (minutes)',
  ];
  if (data.suppressedAll) return finish([header, [`Fewer than ${MIN_GROUP_SIZE} learners in all: no figures are shown`]]);
  const unknown = 'unknown';
  const withheld = `fewer than ${MIN_GROUP_SIZE}`;
  const line = (g: GroupFigures): Cell[] => [
    g.name,
    g.learners,
    g.completed ?? unknown,
    g.completed === null ? unknown : oneDecimal(percent(g.completionRate)),
    g.trend.earlierRate !== null ? oneDecimal(percent(g.trend.earlierRate)) : TREND_WORDS[g.trend.missing ?? 'unknown'],
    g.trend.recent ?? (g.trend.missing === 'unknown' ? unknown : TREND_WORDS[g.trend.missing ?? 'unknown']),
    g.passWithheld ? withheld : g.judged,
    g.passWithheld ? withheld : g.passed,
    g.passWithheld ? withheld : oneDecimal(percent(g.passRate)),
    g.confidence.withheld ? withheld : g.confidence.paired,
    g.confidence.withheld ? withheld : g.confidence.change === null ? '' : Math.round(g.confidence.change * 100) / 100,
    g.medianMinutes === null ? '' : Math.round(g.medianMinutes),
  ];
  return finish([header, ...data.groups.map(line), line(data.overall)]);
}

/** The wide sheet's words for a trend figure that cannot be given. */
const TREND_WORDS: Record<NonNullable<GroupFigures['trend']['missing']>, string> = {
  unknown: 'unknown',
  withheld: `fewer than ${MIN_GROUP_SIZE} had started`,
  undated: 'no dates',
  'no-start-dates': 'start dates not known',
  'none-started': 'nobody had started',
};

function trendNote(g: GroupFigures): string {
  switch (g.trend.missing) {
    case 'unknown':
      return 'unknown: some completions are not in the input';
    case 'withheld':
      return `${WITHHELD} had started then`;
    case 'undated':
      return 'some completions have no date';
    case 'no-start-dates':
      return 'the input does not say when learners started';
    case 'none-started':
      return 'nobody had started then';
    default:
      return '';
  }
}

function percent(share: number | null): number | null {
  return share === null ? null : share * 100;
}

function oneDecimal(value: number | null): number | string {
  return value === null ? '' : Math.round(value * 10) / 10;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function finish(rows: Cell[][]): string {
  return BOM + rows.map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function cell(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
