// The report's one charting module: horizontal bar charts (single, grouped or stacked) drawn as static SVG text, so
// the page needs no script and no library. Horizontal bars because every category here is words (a team, a week,
// a scenario step, a confidence statement) that must be readable, not rotated or cut to fit under a column.
// The SVG keeps its drawn size (text 13–14 px, never scaled down: the page scrolls it sideways on a narrow screen),
// is one image to assistive technology with a title and a description in words, and always has a table of the same
// numbers beside it. Bars carry a dark outline so pale colours still stand out from the white background.
import { escapeHtml } from '../../build/escape-html.ts';
import { NHS_COLOURS } from './palette.ts';

export interface ChartSeries {
  name: string;
  /** One value per category; null draws no bar and writes "not shown" (withheld or unknown). */
  values: (number | null)[];
  colour: string;
  /** Text on this colour inside a stacked bar (default white). */
  textColour?: string;
}

export interface ChartSpec {
  /** Short name of the chart (the SVG's title). */
  title: string;
  /** The chart in words, read out in its place (the SVG's description). */
  description: string;
  categories: string[];
  series: ChartSeries[];
  /** Series add up along one bar (shares of a whole) rather than standing side by side. */
  stacked?: boolean;
  /** Values are percentages (0..100), counts, or points on a rating scale. */
  unit: 'percent' | 'count' | 'score';
  /** Ends of the value axis (default 0 and the largest value, rounded up). */
  min?: number;
  max?: number;
}

export const CHART_WIDTH = 720;
const FONT = 'Arial, Helvetica, sans-serif';
/** Type sizes in px: the smallest text in any chart is 13 px. */
export const CHART_TEXT = { label: 14, tick: 13, value: 13, legend: 14 } as const;
const LABEL_WIDTH = 262;
const PLOT_LEFT = LABEL_WIDTH + 16;
const PLOT_RIGHT = CHART_WIDTH - 64;
const LINE_HEIGHT = 17;
const BAR = 18;
const GROUPED_BAR = 15;
const BAR_GAP = 3;
const ROW_PADDING = 12;
const LEGEND_HEIGHT = 30;
const AXIS_HEIGHT = 28;
/** Characters of a category label per line: Arial at 14 px is under 8 px a character but for capitals and W/M. */
const LABEL_CHARS = 31;
const LABEL_LINES = 4;

const e = escapeHtml;

/** The chart as SVG markup; `id` makes its title and description ids unique on the page. */
export function renderBarChart(spec: ChartSpec, id: string): string {
  const { min, max } = axisRange(spec);
  const ticks = axisTicks(min, max, spec.unit);
  const x = (value: number) => PLOT_LEFT + ((Math.min(max, Math.max(min, value)) - min) / (max - min)) * (PLOT_RIGHT - PLOT_LEFT);
  const grouped = !spec.stacked && spec.series.length > 1;
  const barsHeight = grouped ? spec.series.length * (GROUPED_BAR + BAR_GAP) - BAR_GAP : BAR;
  const top = spec.series.length > 1 ? LEGEND_HEIGHT : 6;

  const rows: string[] = [];
  let y = top;
  spec.categories.forEach((category, c) => {
    const lines = wrapLabel(category);
    const rowHeight = Math.max(lines.length * LINE_HEIGHT, barsHeight) + ROW_PADDING;
    const barTop = y + (rowHeight - barsHeight) / 2;
    const labelTop = y + (rowHeight - lines.length * LINE_HEIGHT) / 2 + LINE_HEIGHT - 4;
    const label = `<text x="${LABEL_WIDTH}" y="${labelTop.toFixed(1)}" text-anchor="end" font-size="${CHART_TEXT.label}" fill="${NHS_COLOURS.text}">${lines
      .map((line, i) => `<tspan x="${LABEL_WIDTH}" dy="${i === 0 ? 0 : LINE_HEIGHT}">${e(line)}</tspan>`)
      .join('')}</text>`;
    rows.push(label + (spec.stacked ? stackedBar(spec, c, barTop, x) : sideBySideBars(spec, c, barTop, x, grouped)));
    y += rowHeight;
  });
  const plotBottom = y;
  const height = Math.ceil(plotBottom + AXIS_HEIGHT);
  const grid = ticks
    .map((t) => `<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${top - 4}" y2="${plotBottom}" stroke="${NHS_COLOURS.border}" stroke-width="1"/>`)
    .join('');
  const axis =
    `<line x1="${PLOT_LEFT}" x2="${PLOT_LEFT}" y1="${top - 4}" y2="${plotBottom}" stroke="${NHS_COLOURS.secondaryText}" stroke-width="1"/>` +
    ticks
      .map((t) => `<text x="${x(t).toFixed(1)}" y="${plotBottom + 18}" text-anchor="middle" font-size="${CHART_TEXT.tick}" fill="${NHS_COLOURS.text}">${e(formatValue(t, spec.unit))}</text>`)
      .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="bar-chart" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}"><title id="${id}-title">${e(spec.title)}</title><desc id="${id}-desc">${e(spec.description)}</desc>${legend(spec)}${grid}${rows.join('')}${axis}</svg>`;
}

function sideBySideBars(spec: ChartSpec, c: number, barTop: number, x: (v: number) => number, grouped: boolean): string {
  const thickness = grouped ? GROUPED_BAR : BAR;
  return spec.series
    .map((series, s) => {
      const value = series.values[c] ?? null;
      const top = barTop + s * (thickness + BAR_GAP);
      const middle = top + thickness / 2 + CHART_TEXT.value * 0.35;
      if (value === null) {
        return `<text x="${PLOT_LEFT + 6}" y="${middle.toFixed(1)}" font-size="${CHART_TEXT.value}" font-style="italic" fill="${NHS_COLOURS.secondaryText}">${grouped ? `${e(series.name)}: ` : ''}not shown</text>`;
      }
      const width = Math.max(0, x(value) - PLOT_LEFT);
      const bar = width > 0 ? `<rect x="${PLOT_LEFT}" y="${top.toFixed(1)}" width="${width.toFixed(1)}" height="${thickness}" fill="${series.colour}" stroke="${NHS_COLOURS.secondaryText}" stroke-width="1"/>` : '';
      return `${bar}<text x="${(PLOT_LEFT + width + 5).toFixed(1)}" y="${middle.toFixed(1)}" font-size="${CHART_TEXT.value}" fill="${NHS_COLOURS.text}">${e(formatValue(value, spec.unit))}</text>`;
    })
    .join('');
}

function stackedBar(spec: ChartSpec, c: number, barTop: number, x: (v: number) => number): string {
  let start = spec.min ?? 0;
  let out = '';
  for (const series of spec.series) {
    const value = series.values[c] ?? null;
    if (value === null || value <= 0) continue;
    const left = x(start);
    const right = x(start + value);
    start += value;
    out += `<rect x="${left.toFixed(1)}" y="${barTop.toFixed(1)}" width="${(right - left).toFixed(1)}" height="${BAR}" fill="${series.colour}" stroke="${NHS_COLOURS.secondaryText}" stroke-width="1"/>`;
    // A label only where it fits inside its part of the bar; the table has every figure.
    const text = formatValue(value, spec.unit);
    if (right - left >= text.length * 7.5 + 6) {
      out += `<text x="${((left + right) / 2).toFixed(1)}" y="${(barTop + BAR / 2 + CHART_TEXT.value * 0.35).toFixed(1)}" text-anchor="middle" font-size="${CHART_TEXT.value}" fill="${series.textColour ?? '#ffffff'}">${e(text)}</text>`;
    }
  }
  return out;
}

function legend(spec: ChartSpec): string {
  if (spec.series.length < 2) return '';
  let x = PLOT_LEFT;
  return spec.series
    .map((series) => {
      const item = `<rect x="${x}" y="6" width="14" height="14" fill="${series.colour}" stroke="${NHS_COLOURS.secondaryText}" stroke-width="1"/><text x="${x + 20}" y="18" font-size="${CHART_TEXT.legend}" fill="${NHS_COLOURS.text}">${e(series.name)}</text>`;
      x += 20 + series.name.length * 8 + 18;
      return item;
    })
    .join('');
}

function axisRange(spec: ChartSpec): { min: number; max: number } {
  const min = spec.min ?? 0;
  if (spec.max !== undefined && spec.max > min) return { min, max: spec.max };
  const totals = spec.categories.map((_, c) =>
    spec.stacked ? spec.series.reduce((sum, s) => sum + (s.values[c] ?? 0), 0) : Math.max(0, ...spec.series.map((s) => s.values[c] ?? 0)),
  );
  const largest = Math.max(0, ...totals);
  return { min, max: niceCeiling(Math.max(largest, min + 1)) };
}

/** A round number at or above `value`: 1, 2, 5 or 10 times a power of ten. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((m) => m * power).find((step) => step >= value) ?? 10 * power);
}

/** About five evenly spaced ticks; whole numbers for counts and rating points. */
export function axisTicks(min: number, max: number, unit: ChartSpec['unit']): number[] {
  const span = max - min;
  let step = span / 4;
  if (unit !== 'percent' || !Number.isInteger(step)) {
    const power = 10 ** Math.floor(Math.log10(span / 4));
    step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= span / 5) ?? span / 4;
    if (unit !== 'percent') step = Math.max(1, Math.round(step));
  }
  const ticks: number[] = [];
  for (let t = min; t <= max + 1e-9; t += step) ticks.push(Math.round(t * 100) / 100);
  return ticks;
}

export function formatValue(value: number, unit: ChartSpec['unit']): string {
  const rounded = Number.isInteger(value) ? String(value) : unit === 'score' ? value.toFixed(1) : String(Math.round(value * 10) / 10);
  return unit === 'percent' ? `${rounded}%` : rounded;
}

/** A category label in lines of up to LABEL_CHARS characters, broken at spaces; a label too long ends in "…". */
export function wrapLabel(text: string): string[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line === '' ? word : `${line} ${word}`;
    if (next.length <= LABEL_CHARS || line === '') line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length <= LABEL_LINES) return lines.map((l) => (l.length > LABEL_CHARS ? `${l.slice(0, LABEL_CHARS - 1)}…` : l));
  const kept = lines.slice(0, LABEL_LINES);
  const last = kept[LABEL_LINES - 1]!;
  kept[LABEL_LINES - 1] = `${last.length > LABEL_CHARS - 1 ? last.slice(0, LABEL_CHARS - 1) : last}…`;
  return kept;
}
