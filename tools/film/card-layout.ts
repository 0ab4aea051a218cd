// Title-card geometry: which line of text goes where, in pixels. No ffmpeg here.
import { wrapBalanced } from './text-wrap.ts';
import type { TitleCard } from './film-script.ts';

export type TextStyle = 'heading' | 'body' | 'footer';

export interface TextStyleSpec {
  fontSize: number;
  /** Distance between baselines of consecutive lines. */
  lineHeight: number;
  /**
   * Characters per line. Chosen from measured DejaVu Sans widths with room to spare; the generator
   * also checks each rendered card's ink stays inside the safe area, so a too-wide line cannot ship.
   */
  maxChars: number;
  maxLines: number;
}

export interface CardLayoutSpec {
  width: number;
  height: number;
  /** Safe-area margins: nothing is drawn nearer the edges than this. */
  marginX: number;
  marginY: number;
  /** Space between the heading and the body. */
  headingGap: number;
  /** Extra space between body paragraphs, on top of the line height. */
  paragraphGap: number;
  /** Height kept free above the footer line. */
  footerReserve: number;
  /** Short white bar above the heading: width, height, and its gap to the heading's cap height. */
  accentBar: { width: number; height: number; gap: number };
  styles: Record<TextStyle, TextStyleSpec>;
}

/** 1280×720 with 10% safe margins: large type, one idea per card. */
export const CARD_LAYOUT: CardLayoutSpec = {
  width: 1280,
  height: 720,
  marginX: 128,
  marginY: 72,
  headingGap: 44,
  paragraphGap: 20,
  footerReserve: 72,
  accentBar: { width: 96, height: 8, gap: 28 },
  styles: {
    heading: { fontSize: 60, lineHeight: 76, maxChars: 24, maxLines: 2 },
    body: { fontSize: 44, lineHeight: 60, maxChars: 38, maxLines: 5 },
    footer: { fontSize: 26, lineHeight: 32, maxChars: 60, maxLines: 1 },
  },
};

export interface PlacedText {
  text: string;
  style: TextStyle;
  x: number;
  /** y of the baseline (drawtext is given y = baseline - ascent, so lines align whatever their letters). */
  baseline: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CardPlan {
  texts: PlacedText[];
  accentBar: Rect;
}

/**
 * Places a card: heading and body as one left-aligned block (easier to read than centred text),
 * centred vertically in the space above the footer; footer on the bottom margin.
 * Throws if the text needs more lines than the card allows.
 */
export function layoutCard(card: TitleCard, footer: string, spec: CardLayoutSpec = CARD_LAYOUT): CardPlan {
  const { heading: headingStyle, body: bodyStyle, footer: footerStyle } = spec.styles;
  const headingLines = wrapOrThrow(card.heading, headingStyle, 'heading');
  const paragraphs = card.body.map((paragraph) => wrapOrThrow(paragraph, bodyStyle, 'body paragraph'));
  const bodyLines = paragraphs.flat();
  if (bodyLines.length > bodyStyle.maxLines) {
    throw new RangeError(`card "${card.heading}": body needs ${bodyLines.length} lines, at most ${bodyStyle.maxLines} fit`);
  }
  const footerLines = wrapOrThrow(footer, footerStyle, 'footer');

  // Cap height of DejaVu Sans is about 0.73 em: the block's visible top is that far above the first baseline.
  const capHeight = (style: TextStyleSpec): number => Math.round(style.fontSize * 0.73);
  const bar = spec.accentBar;
  const blockHeight =
    bar.height + bar.gap + capHeight(headingStyle) + (headingLines.length - 1) * headingStyle.lineHeight +
    (bodyLines.length > 0
      ? spec.headingGap + capHeight(bodyStyle) + (bodyLines.length - 1) * bodyStyle.lineHeight + (paragraphs.length - 1) * spec.paragraphGap
      : 0);
  const areaTop = spec.marginY;
  const areaHeight = spec.height - 2 * spec.marginY - spec.footerReserve;
  if (blockHeight > areaHeight) throw new RangeError(`card "${card.heading}": text block is ${blockHeight}px tall, ${areaHeight}px fit`);
  const top = areaTop + Math.round((areaHeight - blockHeight) / 2);

  const texts: PlacedText[] = [];
  let baseline = top + bar.height + bar.gap + capHeight(headingStyle);
  headingLines.forEach((text, index) => {
    if (index > 0) baseline += headingStyle.lineHeight;
    texts.push({ text, style: 'heading', x: spec.marginX, baseline });
  });
  paragraphs.forEach((lines, paragraphIndex) => {
    lines.forEach((text, lineIndex) => {
      if (paragraphIndex === 0 && lineIndex === 0) baseline += spec.headingGap + capHeight(bodyStyle);
      else baseline += bodyStyle.lineHeight + (lineIndex === 0 ? spec.paragraphGap : 0);
      texts.push({ text, style: 'body', x: spec.marginX, baseline });
    });
  });
  // Footer baseline sits on the bottom margin, leaving room for descenders inside it.
  const footerBaseline = spec.height - spec.marginY - Math.round(footerStyle.fontSize * 0.25);
  texts.push({ text: footerLines[0]!, style: 'footer', x: spec.marginX, baseline: footerBaseline });

  return { texts, accentBar: { x: spec.marginX, y: top, width: bar.width, height: bar.height } };
}

function wrapOrThrow(text: string, style: TextStyleSpec, what: string): string[] {
  const lines = wrapBalanced(text, style.maxChars);
  if (lines === null) throw new RangeError(`${what} "${text}": a word is longer than ${style.maxChars} characters`);
  if (lines.length > style.maxLines) {
    throw new RangeError(`${what} "${text}": needs ${lines.length} lines at ${style.maxChars} characters, at most ${style.maxLines} fit`);
  }
  return lines;
}
