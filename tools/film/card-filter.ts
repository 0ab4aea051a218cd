// A card plan as an ffmpeg filtergraph (drawbox + one drawtext per line) over a colour source.
import type { CardLayoutSpec, CardPlan, TextStyle } from './card-layout.ts';

/**
 * Escapes any option value placed in a filtergraph string. ffmpeg parses such a string twice:
 * first the filtergraph (where \ ' [ ] , ; are special), then the filter's option list (where
 * \ ' : are special). So we escape for the option list first, then escape that result for the
 * filtergraph.
 */
export function escapeFilterOption(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (char) => `\\${char}`);
  return optionLevel.replace(/[\\'[\],;]/g, (char) => `\\${char}`);
}

/**
 * Escapes one line of card text for drawtext's "text=" option. drawtext's own "%{...}" expansion
 * is switched off (expansion=none), so "%" needs nothing. Line breaks are refused: each line is
 * its own drawtext, placed by the layout.
 */
export function escapeDrawtext(text: string): string {
  if (/[\r\n]/.test(text)) throw new RangeError('drawtext lines must not contain line breaks');
  return escapeFilterOption(text);
}

export interface CardLook {
  /** Background colour as "#rrggbb". */
  background: string;
  /** Text and accent colour as "#rrggbb". */
  foreground: string;
  fonts: Record<TextStyle, string>;
}

/** The filtergraph that draws a card onto its input (a colour source of the card's size). */
export function buildCardFilter(plan: CardPlan, spec: CardLayoutSpec, look: CardLook): string {
  const colour = ffmpegColour(look.foreground);
  const bar = plan.accentBar;
  const filters = [`drawbox=x=${bar.x}:y=${bar.y}:w=${bar.width}:h=${bar.height}:color=${colour}:t=fill`];
  for (const line of plan.texts) {
    const style = spec.styles[line.style];
    filters.push(
      [
        `drawtext=fontfile=${escapeFilterOption(look.fonts[line.style])}`,
        `expansion=none`,
        `fontsize=${style.fontSize}`,
        `fontcolor=${colour}`,
        `x=${line.x}`,
        // "ascent" is the tallest glyph of this line: subtracting it puts every line's baseline where planned.
        `y=${line.baseline}-ascent`,
        `text=${escapeDrawtext(line.text)}`,
      ].join(':'),
    );
  }
  return filters.join(',');
}

/** The lavfi colour source a card is drawn on. */
export function cardSource(spec: CardLayoutSpec, look: CardLook): string {
  return `color=c=${ffmpegColour(look.background)}:s=${spec.width}x${spec.height}:r=1`;
}

/** "#005EB8" -> "0x005EB8": ffmpeg's hex colour form, which keeps "#" out of filter strings. */
export function ffmpegColour(hex: string): string {
  const match = /^#([0-9a-fA-F]{6})$/.exec(hex);
  if (!match) throw new RangeError(`expected a colour like "#005EB8", got "${hex}"`);
  return `0x${match[1]!.toUpperCase()}`;
}
