// The chart layer: our own SVG bar charts (no chart library), checked as markup here and drawn in Chromium in
// browser.test.ts. Text at 13 px or more, a title and a description in words, nothing that runs.
import { describe, expect, it } from 'vitest';
import { axisTicks, renderBarChart, wrapLabel, type ChartSpec } from '../../../tools/report/charts.ts';
import { reportCharts } from '../../../tools/report/report-charts.ts';
import { indexQuestions } from '../../../tools/report/course-questions.ts';
import { LearnerTally } from '../../../tools/report/learner-tally.ts';
import { summarise } from '../../../tools/report/summary.ts';
import { COURSE } from '../../fixtures/report/journeys.ts';

const stacked: ChartSpec = {
  title: 'Helpful choices',
  description: 'Share of helpful choices: step one 60%, step two 40%.',
  stacked: true,
  unit: 'percent',
  min: 0,
  max: 100,
  categories: ['Step one', 'Step two & "more"'],
  series: [
    { name: 'Helpful', values: [60, 40], colour: '#007f3b' },
    { name: 'Unhelpful', values: [40, 60], colour: '#d5281b' },
  ],
};

const fontSizes = (svg: string) => [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
const rects = (svg: string) => [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*fill="([^"]+)"/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]), fill: m[3] }));

describe('renderBarChart', () => {
  const svg = renderBarChart(stacked, 'c1');

  it('is one described image: role img, a title and a description in words, nothing that runs', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Helpful choices</title>');
    expect(svg).toContain('<desc id="c1-desc">Share of helpful choices: step one 60%, step two 40%.</desc>');
    expect(svg).not.toMatch(/<script|on\w+=|<foreignObject|href=/i);
  });

  it('writes every piece of text at 13 px or more, labels escaped', () => {
    expect(Math.min(...fontSizes(svg))).toBeGreaterThanOrEqual(13);
    expect(svg).toContain('Step two &amp; &quot;more&quot;');
    for (const tick of ['0%', '25%', '50%', '75%', '100%']) expect(svg).toContain(`>${tick}</text>`);
  });

  it('stacks the parts of a bar end to end, in proportion, with a legend naming each colour', () => {
    const bars = rects(svg).filter((r) => r.fill !== '#007f3b' || r.width > 14);
    const [helpful, unhelpful] = [bars.filter((r) => r.fill === '#007f3b' && r.width > 14), bars.filter((r) => r.fill === '#d5281b' && r.width > 14)];
    expect(helpful[0]!.x + helpful[0]!.width).toBeCloseTo(unhelpful[0]!.x, 0);
    expect(helpful[0]!.width / unhelpful[0]!.width).toBeCloseTo(60 / 40, 1);
    expect(svg).toContain('>Helpful</text>');
    expect(svg).toContain('>Unhelpful</text>');
  });

  it('draws no bar for a figure that is not shown, and says so', () => {
    const withheld = renderBarChart({ title: 'T', description: 'D', unit: 'percent', max: 100, categories: ['Ward 7', 'Other'], series: [{ name: 'Rate', values: [50, null], colour: '#005eb8' }] }, 'c2');
    expect(rects(withheld).filter((r) => r.fill === '#005eb8')).toHaveLength(1);
    expect(withheld).toContain('not shown</text>');
  });

  it('keeps long labels readable: wrapped at spaces, four lines at most', () => {
    expect(wrapLabel('I feel confident to make sure someone\'s physical symptoms are properly checked, whatever their diagnosis.')).toEqual([
      'I feel confident to make sure',
      "someone's physical symptoms are",
      'properly checked, whatever',
      'their diagnosis.',
    ]);
    expect(wrapLabel('word '.repeat(60)).length).toBe(4);
    expect(wrapLabel('word '.repeat(60)).at(-1)!.endsWith('…')).toBe(true);
  });

  it('puts round numbers on the axis: whole numbers for counts', () => {
    expect(axisTicks(0, 100, 'percent')).toEqual([0, 25, 50, 75, 100]);
    expect(axisTicks(0, 5, 'count')).toEqual([0, 1, 2, 3, 4, 5]);
    expect(axisTicks(0, 20, 'count')).toEqual([0, 5, 10, 15, 20]);
    expect(axisTicks(0, 5, 'score')).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('reportCharts', () => {
  it('describes each chart in words for screen readers', () => {
    const index = indexQuestions(COURSE);
    const tally = new LearnerTally(index.questions.length);
    for (let i = 0; i < 6; i++) {
      const r = tally.learner(`l${i}`);
      tally.setGroup(r, 'Ward 7', 1);
      tally.activity(r, Date.UTC(2024, 4, 6), '');
      tally.completed(r, Date.UTC(2024, 4, 6 + i));
    }
    const data = summarise(tally, index, { source: { kind: 'lrs', description: '' }, groupField: 'team', timezone: 'UTC', passMark: 80, listsNonStarters: false });
    const charts = reportCharts(data);
    expect(charts.map((c) => c.key)).toEqual(['completion-by-group', 'completions-over-time', 'attempts']);
    // Everyone started on 6 May, the data ends on 11 May: four weeks earlier nobody had started, so no trend bar.
    expect(charts[0]!.spec.description).toBe('Completion rate by team: Ward 7 100%.');
  });
});
