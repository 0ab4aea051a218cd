// The report's one charting module: a small chart description of our own, drawn to static SVG by Apache ECharts'
// server-side renderer (echarts.init(null, null, { renderer: 'svg', ssr: true }) and renderToSVGString()). The
// HTML then carries finished SVG: no script, no network, nothing to load when a manager opens it. ECharts is
// loaded on first use; where it is not installed the report is still written, each chart replaced by a notice
// (every chart has its data table beside it anyway).
import { NHS_COLOURS } from './palette.ts';

export interface ChartSeries {
  name: string;
  values: (number | null)[];
  colour?: string;
}

export interface ChartSpec {
  /** Short text read out in place of the chart (becomes the SVG's aria label). */
  description: string;
  kind: 'bar' | 'line';
  categories: string[];
  series: ChartSeries[];
  /** Bars run left to right, categories down the side (long labels such as choice texts). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Values are percentages (0..100) or plain numbers. */
  unit: 'percent' | 'count' | 'score';
  /** Top of the value axis, e.g. 100 for percentages or the last point of a rating scale. */
  max?: number;
  min?: number;
}

export interface ChartRenderer {
  /** SVG markup, or null when no chart library is available. */
  render(spec: ChartSpec): Promise<string | null>;
  /** Why render gives null, for the report's notes. */
  readonly unavailableReason: string | null;
}

/** The parts of the ECharts API this module uses (typed here so the tool type-checks before it is installed). */
interface EChartsInstance {
  setOption(option: Record<string, unknown>): void;
  renderToSVGString(): string;
  dispose(): void;
}
interface EChartsModule {
  init(dom: null, theme: null, opts: { renderer: 'svg'; ssr: true; width: number; height: number }): EChartsInstance;
}

const WIDTH = 760;

export async function echartsRenderer(): Promise<ChartRenderer> {
  let echarts: EChartsModule | null = null;
  let reason: string | null = null;
  try {
    // A name in a variable: the type checker must not insist on the package being installed.
    const name = 'echarts';
    const loaded = (await import(name)) as EChartsModule & { default?: EChartsModule };
    echarts = typeof loaded.init === 'function' ? loaded : (loaded.default ?? null);
    if (!echarts) reason = 'the echarts package did not load as expected';
  } catch {
    reason = 'the charting library (the echarts package) is not installed, so the charts are left out; every figure is in the tables';
  }
  return {
    unavailableReason: reason,
    async render(spec) {
      if (!echarts) return null;
      const height = chartHeight(spec);
      const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
      try {
        chart.setOption(echartsOption(spec));
        return chart.renderToSVGString();
      } finally {
        chart.dispose();
      }
    },
  };
}

function chartHeight(spec: ChartSpec): number {
  const legend = spec.series.length > 1 ? 30 : 0;
  if (spec.horizontal) return Math.max(140, 50 + legend + spec.categories.length * (spec.stacked ? 34 : 26 * spec.series.length + 10));
  return 320 + legend;
}

/** Our description as an ECharts option; exported for tests that check the mapping without the library. */
export function echartsOption(spec: ChartSpec): Record<string, unknown> {
  const suffix = spec.unit === 'percent' ? '%' : '';
  const valueAxis = {
    type: 'value',
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    ...(spec.min !== undefined ? { min: spec.min } : {}),
    minInterval: spec.unit === 'count' ? 1 : undefined,
    axisLabel: { formatter: `{value}${suffix}`, color: NHS_COLOURS.text },
  };
  const categoryAxis = {
    type: 'category',
    data: spec.categories,
    inverse: spec.horizontal === true, // first category at the top, as in the table beside it
    axisLabel: { color: NHS_COLOURS.text, width: spec.horizontal ? 260 : 90, overflow: 'break', interval: 0 },
  };
  const palette = [NHS_COLOURS.blue, NHS_COLOURS.darkBlue, NHS_COLOURS.green, NHS_COLOURS.warmYellow, NHS_COLOURS.purple];
  return {
    animation: false,
    aria: { enabled: true, label: { description: spec.description } },
    textStyle: { fontFamily: 'Arial, Helvetica, sans-serif', fontSize: 13 },
    grid: { left: 12, right: 40, top: spec.series.length > 1 ? 40 : 16, bottom: 12, containLabel: true },
    legend: spec.series.length > 1 ? { top: 0, textStyle: { color: NHS_COLOURS.text } } : { show: false },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((series, i) => ({
      type: spec.kind,
      name: series.name,
      data: series.values,
      ...(spec.stacked ? { stack: 'all' } : {}),
      itemStyle: { color: series.colour ?? palette[i % palette.length] },
      ...(spec.kind === 'line' ? { lineStyle: { width: 3 }, symbolSize: 7 } : {}),
      label: {
        show: !spec.stacked || spec.series.length === 1,
        position: spec.horizontal ? 'right' : 'top',
        formatter: (p: { value: number | null }) => (p.value === null || p.value === 0 ? '' : `${round(p.value)}${suffix}`),
        color: NHS_COLOURS.text,
      },
    })),
  };
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
