import { describe, expect, it } from 'vitest';
import { CARD_LAYOUT, layoutCard } from '../../../tools/film/card-layout.ts';
import { charCount } from '../../../tools/film/text-wrap.ts';

describe('layoutCard', () => {
  const plan = layoutCard(
    { heading: 'Bring it to supervision', body: ['What did you notice?', 'What will you do differently about it, next time, with the people you support?'] },
    'Common Ground · stand-in film',
  );
  const { styles, marginX, marginY, width, height } = CARD_LAYOUT;

  it('wraps each style within its character limit, left-aligned on the margin', () => {
    for (const text of plan.texts) {
      expect(charCount(text.text)).toBeLessThanOrEqual(styles[text.style].maxChars);
      expect(text.x).toBe(marginX);
    }
    // The second paragraph (78 characters) wraps to three lines.
    expect(plan.texts.map((text) => text.style)).toEqual(['heading', 'body', 'body', 'body', 'body', 'footer']);
  });

  it('keeps every baseline inside the safe area, in reading order', () => {
    const baselines = plan.texts.map((text) => text.baseline);
    expect([...baselines].sort((a, b) => a - b)).toEqual(baselines);
    for (const text of plan.texts) {
      const style = styles[text.style];
      expect(text.baseline - style.fontSize).toBeGreaterThanOrEqual(marginY);
      expect(text.baseline + style.fontSize * 0.25).toBeLessThanOrEqual(height - marginY);
    }
    expect(plan.accentBar.y).toBeGreaterThanOrEqual(marginY);
    expect(plan.accentBar.x + plan.accentBar.width).toBeLessThan(width - marginX);
  });

  it('spaces lines of a paragraph by the line height and adds a gap between paragraphs', () => {
    const body = plan.texts.filter((text) => text.style === 'body');
    expect(body[2]!.baseline - body[1]!.baseline).toBe(styles.body.lineHeight);
    expect(body[1]!.baseline - body[0]!.baseline).toBe(styles.body.lineHeight + CARD_LAYOUT.paragraphGap);
  });

  it('centres the text block vertically in the space above the footer', () => {
    const short = layoutCard({ heading: 'Short', body: [] }, 'Footer');
    const long = layoutCard({ heading: 'Short', body: ['One line.', 'Two lines.', 'Three lines.'] }, 'Footer');
    expect(short.accentBar.y).toBeGreaterThan(long.accentBar.y);
    // Footer does not move with the block.
    expect(short.texts.at(-1)!.baseline).toBe(long.texts.at(-1)!.baseline);
  });

  it('refuses text that needs more lines than the card allows, or a word that cannot fit', () => {
    expect(() => layoutCard({ heading: 'A heading that goes on and on and on far too long', body: [] }, 'F')).toThrow(/at most 2 fit/);
    expect(() => layoutCard({ heading: 'H', body: ['one', 'two', 'three', 'four', 'five', 'six'] }, 'F')).toThrow(/at most 5 fit/);
    expect(() => layoutCard({ heading: 'Pneumonoultramicroscopicsilicovolcanoconiosis', body: [] }, 'F')).toThrow(/longer than 24/);
  });
});
