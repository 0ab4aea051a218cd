// The report as one self-contained HTML page: inline styles, charts as inline SVG, no script, and a Content
// Security Policy that forbids loading anything, so it can be e-mailed or opened from a shared drive and never
// reaches the network. It opens on the questions a manager asks — has my team completed it (and is that moving),
// did they pass, is their confidence improving, and where are the names — each with the small-numbers rule that
// applies to it; the details follow. Every chart has its table; every value from the input is escaped; unknown is
// written as unknown, never as zero. It holds aggregates only: no names, no identifiers, no free text from learners.
import { escapeHtml } from '../../build/escape-html.ts';
import { renderBarChart } from './charts.ts';
import { NAMED_LIST_POINTERS, primaryPointer } from './named-list.ts';
import { NHS_COLOURS, QUALITY_COLOURS } from './palette.ts';
import { reportCharts, scenarioGroups } from './report-charts.ts';
import { MIN_GROUP_SIZE, OTHER_GROUP } from './small-groups.ts';
import type { GroupFigures, QuestionFigures, ReportData, TrendFigures } from './summary.ts';

export { escapeHtml };

const e = escapeHtml;
export const formatPercent = (share: number | null) => (share === null ? '–' : `${(Math.round(share * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`);
const minutes = (value: number | null) => (value === null ? '–' : value < 90 ? `${Math.round(value)} min` : `${Math.floor(value / 60)} h ${Math.round(value % 60)} min`);
const QUALITY_LABEL = { helpful: 'Helpful', 'partly-helpful': 'Partly helpful', unhelpful: 'Unhelpful' } as const;
const UNKNOWN = '<span class="unknown">unknown</span>';
const WITHHELD = `<span class="withheld">fewer than ${MIN_GROUP_SIZE}</span>`;

/** What the sections place on the page: a chart by its key, and a table. */
interface Blocks {
  chart(key: string, caption: string): string;
  table(name: string, html: string): string;
}

/**
 * What scrolls sideways on a narrow screen (a chart at its own size, a table wider than the screen) does so in a
 * region of its own that takes keyboard focus, so the page itself reflows (WCAG 1.4.10). Each region's name is unique
 * on the page, as landmarks must be.
 */
function blocksFor(data: ReportData): Blocks {
  const charts = new Map(reportCharts(data).map((c) => [c.key, c.spec]));
  const names = new Set<string>();
  const region = (kind: 'Chart' | 'Table', name: string, content: string) => {
    let label = `${kind}: ${name}`;
    for (let n = 2; names.has(label); n++) label = `${kind}: ${name} (${n})`;
    names.add(label);
    return `<div class="${kind.toLowerCase()}-scroll" tabindex="0" role="region" aria-label="${e(label)}">${content}</div>`;
  };
  return {
    chart(key, caption) {
      const spec = charts.get(key);
      if (!spec) return '';
      // Drawn at its own size (text never shrinks below 13 px): a narrow screen scrolls it sideways, and the table
      // beside it holds every figure in any case.
      return `<figure class="chart">${region('Chart', caption, renderBarChart(spec, `chart-${key}`))}<figcaption>${e(caption)}</figcaption></figure>`;
    },
    table: (name, html) => region('Table', name, html),
  };
}

export function renderReportHtml(data: ReportData): string {
  const blocks = blocksFor(data);
  const body = data.suppressedAll ? suppressedBody(data) : fullBody(data, blocks);
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
<p class="meta">${data.asOf ? `Data up to ${e(longDate(data.asOf, data.timezone))}. ` : ''}Source: ${e(data.source.description)}. Generated ${e(data.generatedAt.slice(0, 16).replace('T', ' '))} UTC; dates in ${e(data.timezone)}.</p></header>
<main>
${body}
${privacySection(data)}
${notesSection(data)}
</main>
</body>
</html>
`;
}

function suppressedBody(data: ReportData): string {
  return `<section aria-labelledby="none-h"><h2 id="none-h">Not enough learners yet</h2><p>Fewer than ${MIN_GROUP_SIZE} people have ${data.population === 'started' ? 'started the course' : 'been listed'}${
    data.enrolledNotStarted ? ` (${data.enrolledNotStarted} more are enrolled but have not started)` : ''
  }. Figures will appear once ${MIN_GROUP_SIZE} or more have.</p>${namedList(data)}</section>`;
}

function fullBody(data: ReportData, blocks: Blocks): string {
  return `${headlineSection(data, blocks)}
${timelineSection(data, blocks)}
${assessmentSection(data, blocks)}
${scenarioSection(data, blocks)}
${knowledgeSection(data, blocks)}
${confidenceSection(data, blocks)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// The headline: what a manager sees first.

function headlineSection(data: ReportData, blocks: Blocks): string {
  const o = data.overall;
  const weeks = Math.round(data.trendDays / 7);
  const counted = data.population === 'started' ? 'Started the course' : 'Enrolled';
  // [label, figure, words in place of a figure]: words are set smaller, so a card never becomes a paragraph.
  const cards: [string, string, boolean][] = [
    [counted, String(o.learners), false],
    ['Completed', o.completed === null ? 'Unknown' : String(o.completed), o.completed === null],
    ['Completion rate', o.completed === null ? 'Unknown' : formatPercent(o.completionRate), o.completed === null],
    ['Passed the knowledge check', o.passWithheld ? `Fewer than ${MIN_GROUP_SIZE} results` : o.judged > 0 ? `${formatPercent(o.passRate)} of ${o.judged}` : 'No results yet', o.passWithheld || o.judged === 0],
    [
      'Confidence change',
      o.confidence.withheld ? `Fewer than ${MIN_GROUP_SIZE} rated twice` : o.confidence.change === null ? 'No ratings yet' : `${signed(o.confidence.change)} points`,
      o.confidence.withheld || o.confidence.change === null,
    ],
  ];
  if (data.enrolledNotStarted !== null) cards.splice(1, 0, ['Enrolled, not started', String(data.enrolledNotStarted), false]);
  const unknown =
    o.completed === null
      ? `<p class="warning"><strong>Completion is unknown for ${o.statusUnknown} of the ${o.learners} learners${
          o.completedKnown > 0 ? ` (${o.completedKnown} are known to have completed)` : ''
        }</strong>, so no completed count or rate is given: a number would understate it. ${e(data.unknownAdvice)}</p>`
      : '';
  const rows = (g: GroupFigures) =>
    `<tr><th scope="row">${e(g.name)}</th><td>${g.learners}</td><td>${g.completed === null ? UNKNOWN : g.completed}</td><td>${
      g.completed === null ? UNKNOWN : formatPercent(g.completionRate)
    }</td><td>${trendCell(g.trend)}</td><td>${g.trend.recent === null ? (g.trend.missing === 'unknown' ? UNKNOWN : '–') : g.trend.recent}</td><td>${passCell(g)}</td><td>${confidenceCell(g)}</td></tr>`;
  return `<section class="headline" aria-labelledby="headline-h"><h2 id="headline-h">At a glance</h2>
<dl class="cards">${cards.map(([k, v, words]) => `<div><dt>${e(k)}</dt><dd${words ? ' class="words"' : ''}>${e(v)}</dd></div>`).join('')}</dl>
${unknown}
${namedList(data)}
<h3>By team</h3>
${blocks.table(
    'figures by team',
    `<table class="by-team"><caption>Completion, pass rate and confidence by team${data.asOf ? ` (data up to ${e(longDate(data.asOf, data.timezone))})` : ''}</caption>
<thead><tr><th scope="col">Team</th><th scope="col">${data.population === 'started' ? 'Started' : 'Enrolled'}</th><th scope="col">Completed</th><th scope="col">Completion rate</th><th scope="col">Rate ${weeks} weeks earlier</th><th scope="col">Completed in the last ${weeks} weeks</th><th scope="col">Pass rate</th><th scope="col">Confidence change</th></tr></thead>
<tbody>${data.groups.map(rows).join('')}</tbody><tfoot>${rows(data.overall)}</tfoot></table>`,
  )}
<ul class="rules">
<li><strong>Completion:</strong> ${e(completionRule(data))}</li>
<li><strong>Trend:</strong> the rate ${weeks} weeks before the last activity in the data (completed by then ÷ started by then), shown for a team where ${MIN_GROUP_SIZE} or more had started by then.</li>
<li><strong>Pass rate:</strong> of those with a knowledge-check result (pass mark ${data.passMark}%), shown for a team where ${MIN_GROUP_SIZE} or more have one.</li>
<li><strong>Confidence change:</strong> the average change, in points on the 1 to ${data.confidence.scaleLabels.length} scale, of each statement a learner rated both before and after the course; shown for a team where ${MIN_GROUP_SIZE} or more rated before and after.</li>
<li>Where a team's figure is held back, the next smallest team's is too, so it cannot be worked out from the total.</li>
</ul>
<p class="explain">Teams are read from ${e(data.groupField)}. ${data.population === 'started' ? 'Completion rate: learners who completed ÷ learners who started.' : 'No input says who has started, so the rate is completed ÷ everyone the LMS lists.'}</p>
${blocks.chart('completion-by-group', `Completion rate by team${data.groups.some((g) => g.trend.earlierRate !== null) ? `, now and ${weeks} weeks earlier` : ''}`)}
</section>`;
}

function trendCell(t: TrendFigures): string {
  if (t.earlierRate !== null) return formatPercent(t.earlierRate);
  switch (t.missing) {
    case 'unknown':
      return UNKNOWN;
    case 'withheld':
      return `<span class="withheld">fewer than ${MIN_GROUP_SIZE} then</span>`;
    case 'none-started':
      return 'nobody had started';
    case 'undated':
      return '<span class="unknown">no dates</span>';
    default:
      return '–';
  }
}

function passCell(g: GroupFigures): string {
  if (g.passWithheld) return WITHHELD;
  return g.judged > 0 ? `${formatPercent(g.passRate)} <span class="n">of ${g.judged}</span>` : 'no results yet';
}

function confidenceCell(g: GroupFigures): string {
  if (g.confidence.withheld) return WITHHELD;
  return g.confidence.change === null ? 'none rated twice' : `${signed(g.confidence.change)}`;
}

function completionRule(data: ReportData): string {
  const { plan } = data;
  const parts = [`a team is shown by name when ${MIN_GROUP_SIZE} or more of its people ${data.population === 'started' ? 'have started' : 'are listed'}.`];
  if (plan.small.length > 0) {
    parts.push(`${plan.small.length} ${plan.small.length === 1 ? 'team' : 'teams'} with fewer ${plan.small.length === 1 ? 'is' : 'are'} combined into "${OTHER_GROUP}".`);
  }
  if (plan.addedToOther.length > 0) {
    parts.push(`To keep that combined group at ${MIN_GROUP_SIZE} or more, ${plan.addedToOther.length} further ${plan.addedToOther.length === 1 ? 'team was' : 'teams were'} added to it.`);
  }
  if (plan.small.length > 0 && plan.otherSize < MIN_GROUP_SIZE) parts.push(`"${OTHER_GROUP}" is still under ${MIN_GROUP_SIZE} people, so it is not shown.`);
  if (plan.small.length === 0) parts.push('Every team has enough, so none had to be combined.');
  return parts.join(' ');
}

function namedList(data: ReportData): string {
  const primary = primaryPointer(data.source);
  const others = NAMED_LIST_POINTERS.filter((p) => p !== primary);
  return `<div class="named-list"><p><strong>Who has not completed?</strong> This report holds no names, by design. ${
    primary ? `The named list is in your LMS. ${e(primary.lms)}: ${e(primary.where)}` : 'The named list is in your LMS (see below for where).'
  }</p>
<details><summary>Where the named list is in ${primary ? 'other LMSs' : 'each LMS'}</summary><ul>${others.map((p) => `<li><strong>${e(p.lms)}:</strong> ${e(p.where)}</li>`).join('')}</ul></details></div>`;
}

// ---------------------------------------------------------------------------------------------------------------
// The details.

function timelineSection(data: ReportData, blocks: Blocks): string {
  const head = '<section aria-labelledby="time-h"><h2 id="time-h">Completions over time</h2>';
  if (data.timelineMissing === 'unknown') return `${head}<p>Not shown: completion is unknown for ${data.overall.statusUnknown} learners (see the top of the report).</p></section>`;
  if (data.timelineMissing === 'undated') return `${head}<p>Not shown: some completions have no date in the input.</p></section>`;
  const { buckets, granularity } = data.timeline;
  if (buckets.length === 0) return `${head}<p>No completions yet.</p></section>`;
  return `${head}
${blocks.chart('completions-over-time', `Completions per ${granularity}`)}
${blocks.table(
    `completions per ${granularity}`,
    `<table><caption>Completions per ${granularity}</caption><thead><tr><th scope="col">${granularity === 'week' ? 'Week' : 'Month'}</th><th scope="col">Completions</th><th scope="col">Running total</th></tr></thead>
<tbody>${buckets.map((b) => `<tr><th scope="row">${e(b.label)}</th><td>${b.count}</td><td>${b.cumulative}</td></tr>`).join('')}</tbody></table>`,
  )}</section>`;
}

function assessmentSection(data: ReportData, blocks: Blocks): string {
  const a = data.attempts;
  const o = data.overall;
  const pass = o.passWithheld
    ? `Fewer than ${MIN_GROUP_SIZE} learners have a knowledge-check result, so the pass rate is not shown.`
    : o.judged > 0
      ? `${o.passed} of ${o.judged} learners with a knowledge-check result passed it (${formatPercent(o.passRate)}).`
      : 'No one has a knowledge-check result yet.';
  const time = `Median time in the course of those who completed: ${minutes(o.medianMinutes)}${o.medianMinutes === null ? ' (not in the input)' : ', all their sessions added up'}.`;
  return `<section aria-labelledby="attempts-h"><h2 id="attempts-h">Pass rate, attempts and time</h2>
<p>${pass} ${time}
Attempts per learner: mean ${a.mean === null ? '–' : a.mean.toFixed(2)}, median ${a.median ?? '–'} (an attempt is an LMS attempt or an xAPI registration).</p>
${blocks.chart('attempts', 'Learners by number of attempts')}
${blocks.table(
    'learners by number of attempts',
    `<table><caption>Learners by number of attempts</caption><thead><tr><th scope="col">Attempts</th><th scope="col">Learners</th></tr></thead>
<tbody>${a.distribution.map((d) => `<tr><th scope="row">${e(d.label)}</th><td>${d.count}</td></tr>`).join('')}</tbody></table>`,
  )}</section>`;
}

function choiceTable(q: QuestionFigures, withQuality: boolean, blocks: Blocks): string {
  if (q.suppressed) return `<p class="suppressed">${e(q.prompt)} — fewer than ${MIN_GROUP_SIZE} answers (${q.respondents > 0 ? 'not shown' : 'none yet'}).</p>`;
  const extra = withQuality ? '<th scope="col">How helpful</th>' : '<th scope="col">Right answer</th>';
  return blocks.table(q.prompt, `<table><caption>${e(q.prompt)} <span class="n">(${q.respondents} answered${q.multiple ? '; several choices allowed' : ''})</span></caption>
<thead><tr><th scope="col">Choice</th>${extra}<th scope="col">Staff</th><th scope="col">Share</th></tr></thead><tbody>${q.choices
    .map((c) => {
      const mark = withQuality
        ? `<td><span class="swatch" style="background:${c.quality ? QUALITY_COLOURS[c.quality] : NHS_COLOURS.border}"></span>${c.quality ? QUALITY_LABEL[c.quality] : ''}</td>`
        : `<td>${c.correct ? 'Yes' : ''}</td>`;
      return `<tr><th scope="row">${e(c.text)}</th>${mark}<td>${c.count}</td><td>${formatPercent(c.share)}</td></tr>`;
    })
    .join('')}</tbody></table>`);
}

function scenarioSection(data: ReportData, blocks: Blocks): string {
  const parts = [...scenarioGroups(data.questions)].map(
    ([groupId, questions]) =>
      `<section class="scenario" aria-labelledby="sc-${e(groupId)}"><h3 id="sc-${e(groupId)}">${e(questions[0]!.groupTitle)}</h3>
${blocks.chart(`scenario-${groupId}`, `${questions[0]!.groupTitle}: share of helpful, partly helpful and unhelpful choices at each step`)}
${questions.map((q) => choiceTable(q, true, blocks)).join('\n')}</section>`,
  );
  return `<section aria-labelledby="choices-h"><h2 id="choices-h">Choices staff make in the scenarios</h2>
<p class="explain">Each learner's latest choice at each step. Steps a learner's path did not reach have fewer answers. A step answered by fewer than ${MIN_GROUP_SIZE} is not shown.</p>
${parts.join('\n')}</section>`;
}

function knowledgeSection(data: ReportData, blocks: Blocks): string {
  const questions = data.questions.filter((q) => q.kind === 'knowledge' || q.kind === 'film');
  if (questions.length === 0) return '';
  return `<section aria-labelledby="kc-h"><h2 id="kc-h">Knowledge check and film questions</h2>
<p class="explain">Each learner's latest answer. A question answered by fewer than ${MIN_GROUP_SIZE} is not shown.</p>
${blocks.chart('knowledge', 'Share of staff whose latest answer was right')}
${questions.map((q) => choiceTable(q, false, blocks)).join('\n')}</section>`;
}

function confidenceSection(data: ReportData, blocks: Blocks): string {
  const c = data.confidence;
  const rows = c.items
    .map((i) =>
      i.suppressed
        ? `<tr><th scope="row">${e(i.statement)}</th><td colspan="3">fewer than ${MIN_GROUP_SIZE} rated it twice</td><td>${i.paired}</td></tr>`
        : `<tr><th scope="row">${e(i.statement)}</th><td>${i.beforeMean!.toFixed(2)}</td><td>${i.afterMean!.toFixed(2)}</td><td>${signed(i.change!)}</td><td>${i.paired}</td></tr>`,
    )
    .join('');
  return `<section aria-labelledby="conf-h"><h2 id="conf-h">Confidence before and after, statement by statement</h2>
<p>Learners rate each statement from 1 (${e(c.scaleLabels[0] ?? '')}) to ${c.scaleLabels.length} (${e(c.scaleLabels.at(-1) ?? '')}) before and after the course. ${
    c.meanChange === null ? 'Not enough paired ratings yet.' : `Average change: ${signed(c.meanChange)} points, from ${c.paired} learners who rated both times.`
  } A statement rated twice by fewer than ${MIN_GROUP_SIZE} is not shown.</p>
${blocks.chart('confidence', 'Average rating before and after the course')}
${blocks.table(
    'confidence ratings',
    `<table><caption>Confidence ratings (averages of learners who rated the statement both times)</caption><thead><tr><th scope="col">Statement</th><th scope="col">Before</th><th scope="col">After</th><th scope="col">Change</th><th scope="col">Learners</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  )}</section>`;
}

function privacySection(data: ReportData): string {
  return `<section class="privacy" aria-labelledby="privacy-h"><h2 id="privacy-h">About these figures</h2>
<p>This report shows totals only. It holds no names, no learner identifiers and no reflection text: reflections stay with each learner.</p>
<p>No figure is shown for fewer than ${MIN_GROUP_SIZE} people. ${
    data.suppressedAll
      ? `Fewer than ${MIN_GROUP_SIZE} people have ${data.population === 'started' ? 'started the course' : 'been listed'} in all, so no figures are shown.`
      : `${e(completionRule(data))} Each figure above says the rule that applies to it.`
  }</p></section>`;
}

function signed(value: number): string {
  const text = value.toFixed(2);
  return value > 0 ? `+${text}` : text;
}

function notesSection(data: ReportData): string {
  if (data.notes.length === 0) return '';
  return `<section aria-labelledby="notes-h"><h2 id="notes-h">Notes on the data</h2><ul>${data.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul></section>`;
}

export function longDate(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:Arial,Helvetica,sans-serif;color:${NHS_COLOURS.text};background:${NHS_COLOURS.paleGrey};line-height:1.5;overflow-wrap:break-word}
header{background:${NHS_COLOURS.blue};color:#fff;padding:20px 32px}
header h1{margin:0 0 6px;font-size:1.8rem}
.kicker{margin:0;font-weight:bold;text-transform:uppercase;letter-spacing:.05em}
.meta{margin:0}
main{max-width:1000px;margin:0 auto;padding:8px 24px 48px}
section{background:#fff;padding:16px 24px;margin:16px 0;border:1px solid ${NHS_COLOURS.border}}
section section{border:0;padding:0;margin:24px 0 0}
h2{color:${NHS_COLOURS.darkBlue};margin-top:0}
h3{margin:20px 0 4px}
.headline{border-top:6px solid ${NHS_COLOURS.blue}}
.privacy{border-left:8px solid ${NHS_COLOURS.blue}}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:10px;margin:0}
.cards div{background:${NHS_COLOURS.paleGrey};padding:8px 12px}
.cards dt{font-size:.9rem;color:${NHS_COLOURS.secondaryText}}
.cards dd{margin:0;font-size:1.5rem;font-weight:bold}
.cards dd.words{font-size:1rem;padding-top:4px}
.warning{border-left:6px solid ${NHS_COLOURS.warmYellow};background:#fff9e6;padding:8px 12px;margin:12px 0}
.named-list{border-left:6px solid ${NHS_COLOURS.darkBlue};padding:0 12px;margin:12px 0}
.named-list p{margin:6px 0}
details{margin:0 0 6px}
summary{cursor:pointer;color:${NHS_COLOURS.blue};text-decoration:underline}
.rules{margin:4px 0 8px;padding-left:20px;font-size:.95rem}
.explain,.n{color:${NHS_COLOURS.secondaryText};font-size:.95rem}
.unknown,.withheld{font-style:italic;color:${NHS_COLOURS.secondaryText}}
table{border-collapse:collapse;width:100%;margin:12px 0 20px;font-size:.95rem}
.by-team{margin-bottom:8px}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid ${NHS_COLOURS.border};padding:6px 8px;text-align:left;vertical-align:top}
td{font-variant-numeric:tabular-nums}
tfoot th,tfoot td{font-weight:bold;border-top:2px solid ${NHS_COLOURS.text}}
.swatch{display:inline-block;width:12px;height:12px;margin-right:6px;border:1px solid ${NHS_COLOURS.text}}
.chart{margin:8px 0}
.chart-scroll,.table-scroll{overflow-x:auto}
.chart-scroll:focus,.table-scroll:focus,summary:focus{outline:3px solid ${NHS_COLOURS.warmYellow};outline-offset:2px}
.chart svg{display:block;max-width:none}
figcaption{font-size:.9rem;color:${NHS_COLOURS.secondaryText}}
.suppressed{color:${NHS_COLOURS.secondaryText};font-style:italic}
`;
