// The chart layer: our chart description as an ECharts option (always checked), and real SVG once the echarts
// package is installed (see /work/notes/report-needs.txt; skipped until then).
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { echartsOption, echartsRenderer, type ChartSpec } from '../../../tools/report/charts.ts';
import { reportCharts } from '../../../tools/report/report-charts.ts';
import { indexQuestions } from '../../../tools/report/course-questions.ts';
import { LearnerTally } from '../../../tools/report/learner-tally.ts';
import { summarise } from '../../../tools/report/summary.ts';
import { COURSE } from '../../fixtures/report/journeys.ts';

const spec: ChartSpec = {
  kind: 'bar',
  horizontal: true,
  stacked: true,
  unit: 'percent',
  min: 0,
  max: 100,
  description: 'Share of helpful choices',
  categories: ['Step one', 'Step two'],
  series: [
    { name: 'Helpful', values: [60, 40], colour: '#007f3b' },
    { name: 'Unhelpful', values: [40, 60], colour: '#d5281b' },
  ],
};

let echartsInstalled = true;
try {
  createRequire(import.meta.url).resolve('echarts');
} catch {
  echartsInstalled = false;
}

describe('charts', () => {
  it('maps a chart description onto ECharts options: static, labelled, accessible', () => {
    const option = echartsOption(spec) as Record<string, any>;
    expect(option.animation).toBe(false);
    expect(option.aria).toEqual({ enabled: true, label: { description: 'Share of helpful choices' } });
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['Step one', 'Step two'], inverse: true });
    expect(option.xAxis).toMatchObject({ type: 'value', max: 100, axisLabel: { formatter: '{value}%' } });
    expect(option.series.map((s: any) => [s.name, s.stack, s.itemStyle.color])).toEqual([
      ['Helpful', 'all', '#007f3b'],
      ['Unhelpful', 'all', '#d5281b'],
    ]);
    expect(option.legend.show).not.toBe(false);
  });

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
    expect(charts[0]!.spec.description).toBe('Completion rate by team: Ward 7 100%.');
  });

  it.skipIf(!echartsInstalled)('draws static SVG with ECharts, no script', async () => {
    const renderer = await echartsRenderer();
    expect(renderer.unavailableReason).toBeNull();
    const svg = (await renderer.render(spec))!;
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Step one');
    expect(svg).toContain('Helpful');
    expect(svg).toContain('#007f3b');
    expect(svg).not.toMatch(/<script/i);
  });

  it.skipIf(echartsInstalled)('reports plainly that the chart library is not installed', async () => {
    const renderer = await echartsRenderer();
    expect(renderer.unavailableReason).toMatch(/echarts package\) is not installed/);
    expect(await renderer.render(spec)).toBeNull();
  });
});
