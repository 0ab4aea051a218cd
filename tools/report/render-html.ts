// The report as one self-contained HTML page: inline styles, charts as inline SVG, no script, and a Content
// Security Policy that forbids loading anything, so it can be e-mailed or opened from a shared drive and never
// reaches the network. Every chart has its table; every value from the input is escaped. It holds aggregates
// only: no names, no identifiers, no free text from learners.
import { NHS_COLOURS, QUALITY_COLOURS } from './palette.ts';
import { scenarioGroups } from './report-charts.ts';
import { MIN_GROUP_SIZE, OTHER_GROUP } from './small-groups.ts';
import { escapeHtml } from '../../build/escape-html.ts';
import type { GroupFigures, QuestionFigures, ReportData } from './summary.ts';

export { escapeHtml };

const e = escapeHtml;
export const formatPercent = (share: number | null) => (share === null ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`);
const minutes = (value: number | null) => (value === null ? '–' : value < 90 ? `${Math.round(value)} min` : `${Math.floor(value / 60)} h ${Math.round(value % 60)} min`);
const QUALITY_LABEL = { helpful: 'Helpful', 'partly-helpful': 'Partly helpful', unhelpful: 'Unhelpful' } as const;

export interface DrawnChart {
  /** SVG markup, or null where the chart could not be drawn. */
  svg: string | null;
  /** The chart in words, read out in its place. */
  description: string;
}

/** `charts`: by chart key (report-charts.ts). */
export function renderReportHtml(data: ReportData, charts: ReadonlyMap<string, DrawnChart>): string {
  const chart = (key: string, caption: string) => {
    const drawn = charts.get(key);
    if (drawn === undefined) return '';
    if (drawn.svg === null) return `<p class="chart-missing">Chart not drawn (see the notes); the table holds the figures.</p>`;
    // The SVG is one image to assistive technology, described in words; the table beside it has every number.
    return `<figure class="chart"><div class="chart-svg" role="img" aria-label="${e(drawn.description)}">${drawn.svg}</div><figcaption>${e(caption)}</figcaption></figure>`;
  };
  const body = data.suppressedAll ? suppressedBody(data) : fullBody(data, chart);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<title>${e(data.courseTitle)}: completion report</title>
<style>${STYLE}</style>
</head>
<body>
<header><p class="kicker">Completion report</p><h1>${e(data.courseTitle)}</h1>
<p class="meta">Source: ${e(data.source.description)}. Generated ${e(data.generatedAt.slice(0, 16).replace('T', ' '))} UTC; dates in ${e(data.timezone)}.</p></header>
<main>
<section class="privacy" aria-labelledby="privacy-h"><h2 id="privacy-h">About these figures</h2>
<p>This report shows totals only. It holds no names, no learner identifiers and no reflection text: reflections stay with each learner.</p>
<p>No figure is shown for fewer than ${MIN_GROUP_SIZE} people. ${e(groupRuleSentence(data))}</p></section>
${body}
${notesSection(data)}
</main>
</body>
</html>
`;
}

function groupRuleSentence(data: ReportData): string {
  const { plan } = data;
  if (data.suppressedAll) return `Fewer than ${MIN_GROUP_SIZE} people have started the course in all, so no figures are shown.`;
  const parts: string[] = [];
  if (plan.small.length > 0) {
    parts.push(`${plan.small.length} ${plan.small.length === 1 ? 'group' : 'groups'} with fewer than ${MIN_GROUP_SIZE} people ${plan.small.length === 1 ? 'is' : 'are'} combined into "${OTHER_GROUP}".`);
  }
  if (plan.addedToOther.length > 0) {
    parts.push(`To keep that combined group at ${MIN_GROUP_SIZE} or more, ${plan.addedToOther.length} further ${plan.addedToOther.length === 1 ? 'group was' : 'groups were'} added to it.`);
  }
  if (plan.small.length > 0 && plan.otherSize < MIN_GROUP_SIZE) parts.push(`"${OTHER_GROUP}" is still under ${MIN_GROUP_SIZE} people, so it is not shown.`);
  if (parts.length === 0) parts.push(`Every group has ${MIN_GROUP_SIZE} or more people, so none had to be combined.`);
  return parts.join(' ');
}

function suppressedBody(data: ReportData): string {
  return `<section aria-labelledby="none-h"><h2 id="none-h">Not enough learners yet</h2><p>Fewer than ${MIN_GROUP_SIZE} people have started the course${
    data.enrolledNotStarted ? ` (${data.enrolledNotStarted} more are enrolled but have not started)` : ''
  }. Figures will appear once ${MIN_GROUP_SIZE} or more have.</p></section>`;
}

function fullBody(data: ReportData, chart: (key: string, caption: string) => string): string {
  const o = data.overall;
  const cards = [
    ['Started the course', String(o.learners)],
    ['Completed', String(o.completed)],
    ['Completion rate', formatPercent(o.completionRate)],
    ['Median time in the course', minutes(o.medianMinutes)],
    ['Passed the knowledge check', o.judged > 0 ? `${formatPercent(o.passRate)} of ${o.judged}` : '–'],
  ];
  if (data.enrolledNotStarted !== null) cards.splice(1, 0, ['Enrolled, not started', String(data.enrolledNotStarted)]);
  return `<section aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>
<dl class="cards">${cards.map(([k, v]) => `<div><dt>${e(k!)}</dt><dd>${e(v!)}</dd></div>`).join('')}</dl>
<p class="explain">Completion rate: learners who completed ÷ learners who started${o.statusUnknown ? ` and whose status is known (${o.statusUnknown} unknown)` : ''}. Median time: learners who completed, all their sessions added up. Pass mark ${data.passMark}%.</p></section>
${groupSection(data, chart)}
${timelineSection(data, chart)}
${assessmentSection(data, chart)}
${scenarioSection(data, chart)}
${knowledgeSection(data, chart)}
${confidenceSection(data, chart)}`;
}

function groupSection(data: ReportData, chart: (key: string, caption: string) => string): string {
  const rows = (g: GroupFigures) =>
    `<tr><th scope="row">${e(g.name)}</th><td>${g.learners}</td><td>${g.completed}</td><td>${formatPercent(g.completionRate)}</td><td>${
      g.judged > 0 ? formatPercent(g.passRate) : '–'
    }</td><td>${minutes(g.medianMinutes)}</td></tr>`;
  return `<section aria-labelledby="groups-h"><h2 id="groups-h">Completion by team</h2>
<p class="explain">Teams are read from ${e(data.groupField)}.</p>
${chart('completion-by-group', 'Completion rate by team')}
<table><caption>Completion by team</caption><thead><tr><th scope="col">Team</th><th scope="col">Started</th><th scope="col">Completed</th><th scope="col">Completion rate</th><th scope="col">Pass rate</th><th scope="col">Median time</th></tr></thead>
<tbody>${data.groups.map(rows).join('')}</tbody><tfoot>${rows(data.overall)}</tfoot></table></section>`;
}

function timelineSection(data: ReportData, chart: (key: string, caption: string) => string): string {
  const { buckets, granularity } = data.timeline;
  if (buckets.length === 0) return `<section aria-labelledby="time-h"><h2 id="time-h">Completions over time</h2><p>No completions yet.</p></section>`;
  return `<section aria-labelledby="time-h"><h2 id="time-h">Completions over time</h2>
${chart('completions-over-time', `Completions per ${granularity}`)}
<table><caption>Completions per ${granularity}</caption><thead><tr><th scope="col">${granularity === 'week' ? 'Week' : 'Month'}</th><th scope="col">Completions</th><th scope="col">Running total</th></tr></thead>
<tbody>${buckets.map((b) => `<tr><th scope="row">${e(b.label)}</th><td>${b.count}</td><td>${b.cumulative}</td></tr>`).join('')}</tbody></table></section>`;
}

function assessmentSection(data: ReportData, chart: (key: string, caption: string) => string): string {
  const a = data.attempts;
  return `<section aria-labelledby="attempts-h"><h2 id="attempts-h">Pass rate and attempts</h2>
<p>${data.overall.judged > 0 ? `${data.overall.passed} of ${data.overall.judged} learners who finished the knowledge check passed it (${formatPercent(data.overall.passRate)}).` : 'No one has finished the knowledge check yet.'}
Attempts per learner: mean ${a.mean === null ? '–' : a.mean.toFixed(2)}, median ${a.median ?? '–'} (an attempt is an LMS attempt or an xAPI registration).</p>
${chart('attempts', 'Learners by number of attempts')}
<table><caption>Learners by number of attempts</caption><thead><tr><th scope="col">Attempts</th><th scope="col">Learners</th></tr></thead>
<tbody>${a.distribution.map((d) => `<tr><th scope="row">${e(d.label)}</th><td>${d.count}</td></tr>`).join('')}</tbody></table></section>`;
}

function choiceTable(q: QuestionFigures, withQuality: boolean): string {
  if (q.suppressed) return `<p class="suppressed">${e(q.prompt)} — fewer than ${MIN_GROUP_SIZE} answers (${q.respondents > 0 ? 'not shown' : 'none yet'}).</p>`;
  const extra = withQuality ? '<th scope="col">How helpful</th>' : '<th scope="col">Right answer</th>';
  return `<table><caption>${e(q.prompt)} <span class="n">(${q.respondents} answered${q.multiple ? '; several choices allowed' : ''})</span></caption>
<thead><tr><th scope="col">Choice</th>${extra}<th scope="col">Staff</th><th scope="col">Share</th></tr></thead><tbody>${q.choices
    .map((c) => {
      const mark = withQuality
        ? `<td><span class="swatch" style="background:${c.quality ? QUALITY_COLOURS[c.quality] : NHS_COLOURS.border}"></span>${c.quality ? QUALITY_LABEL[c.quality] : ''}</td>`
        : `<td>${c.correct ? 'Yes' : ''}</td>`;
      return `<tr><th scope="row">${e(c.text)}</th>${mark}<td>${c.count}</td><td>${formatPercent(c.share)}</td></tr>`;
    })
    .join('')}</tbody></table>`;
}

function scenarioSection(data: ReportData, chart: (key: string, caption: string) => string): string {
  const parts = [...scenarioGroups(data.questions)].map(
    ([groupId, questions]) =>
      `<section class="scenario" aria-labelledby="sc-${e(groupId)}"><h3 id="sc-${e(groupId)}">${e(questions[0]!.groupTitle)}</h3>
${chart(`scenario-${groupId}`, 'Share of helpful, partly helpful and unhelpful choices at each step')}
${questions.map((q) => choiceTable(q, true)).join('\n')}</section>`,
  );
  return `<section aria-labelledby="choices-h"><h2 id="choices-h">Choices staff make in the scenarios</h2>
<p class="explain">Each learner's latest choice at each step. Steps a learner's path did not reach have fewer answers.</p>
${parts.join('\n')}</section>`;
}

function knowledgeSection(data: ReportData, chart: (key: string, caption: string) => string): string {
  const questions = data.questions.filter((q) => q.kind === 'knowledge' || q.kind === 'film');
  if (questions.length === 0) return '';
  return `<section aria-labelledby="kc-h"><h2 id="kc-h">Knowledge check and film questions</h2>
${chart('knowledge', 'Share of staff whose latest answer was right')}
${questions.map((q) => choiceTable(q, false)).join('\n')}</section>`;
}

function confidenceSection(data: ReportData, chart: (key: string, caption: string) => string): string {
  const c = data.confidence;
  const rows = c.items
    .map((i) =>
      i.suppressed
        ? `<tr><th scope="row">${e(i.statement)}</th><td colspan="3">fewer than ${MIN_GROUP_SIZE} rated it twice</td><td>${i.paired}</td></tr>`
        : `<tr><th scope="row">${e(i.statement)}</th><td>${i.beforeMean!.toFixed(2)}</td><td>${i.afterMean!.toFixed(2)}</td><td>${signed(i.change!)}</td><td>${i.paired}</td></tr>`,
    )
    .join('');
  return `<section aria-labelledby="conf-h"><h2 id="conf-h">Confidence before and after</h2>
<p>Learners rate each statement from 1 (${e(c.scaleLabels[0] ?? '')}) to ${c.scaleLabels.length} (${e(c.scaleLabels.at(-1) ?? '')}) before and after the course. ${
    c.meanChange === null ? 'Not enough paired ratings yet.' : `Average change: ${signed(c.meanChange)} points, from ${c.paired} learners who rated both times.`
  }</p>
${chart('confidence', 'Average rating before and after the course')}
<table><caption>Confidence ratings (averages of learners who rated the statement both times)</caption><thead><tr><th scope="col">Statement</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Change</th><th scope="col">Learners</th></tr></thead>
<tbody>${rows}</tbody></table></section>`;
}

function signed(value: number): string {
  const text = value.toFixed(2);
  return value > 0 ? `+${text}` : text;
}

function notesSection(data: ReportData): string {
  if (data.notes.length === 0) return '';
  return `<section aria-labelledby="notes-h"><h2 id="notes-h">Notes on the data</h2><ul>${data.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>`;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:${NHS_COLOURS.text};background:${NHS_COLOURS.paleGrey};line-height:1.5}
header{background:${NHS_COLOURS.blue};color:#fff;padding:24px 32px}
header h1{margin:0 0 8px;font-size:2rem}
.kicker{margin:0;font-weight:bold;text-transform:uppercase;letter-spacing:.05em}
.meta{margin:0}
main{max-width:960px;margin:0 auto;padding:16px 24px 48px}
section{background:#fff;padding:16px 24px;margin:16px 0;border:1px solid ${NHS_COLOURS.border}}
section section{border:0;padding:0;margin:24px 0 0}
h2{color:${NHS_COLOURS.darkBlue};margin-top:0}
.privacy{border-left:8px solid ${NHS_COLOURS.blue}}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0}
.cards div{background:${NHS_COLOURS.paleGrey};padding:12px}
.cards dt{font-size:.9rem;color:${NHS_COLOURS.secondaryText}}
.cards dd{margin:0;font-size:1.6rem;font-weight:bold}
.explain,.n{color:${NHS_COLOURS.secondaryText};font-size:.95rem}
table{border-collapse:collapse;width:100%;margin:12px 0 20px;font-size:.95rem}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid ${NHS_COLOURS.border};padding:6px 8px;text-align:left;vertical-align:top}
td{font-variant-numeric:tabular-nums}
tfoot th,tfoot td{font-weight:bold;border-top:2px solid ${NHS_COLOURS.text}}
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;border:1px solid ${NHS_COLOURS.text}}
.chart{margin:8px 0}
.chart-svg svg{max-width:100%;height:auto}
figcaption{font-size:.9rem;color:${NHS_COLOURS.secondaryText}}
.chart-missing,.suppressed{color:${NHS_COLOURS.secondaryText};font-style:italic}
`;
