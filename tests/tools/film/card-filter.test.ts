import { describe, expect, it } from 'vitest';
import { buildCardFilter, cardSource, escapeDrawtext, escapeFilterOption, ffmpegColour, type CardLook } from '../../../tools/film/card-filter.ts';
import { CARD_LAYOUT, layoutCard } from '../../../tools/film/card-layout.ts';

describe('escapeDrawtext', () => {
  it('leaves plain text alone', () => {
    expect(escapeDrawtext('1 in 3 people report stigma')).toBe('1 in 3 people report stigma');
    expect(escapeDrawtext('100% of us — everyone’s part')).toBe('100% of us — everyone’s part');
  });

  it('escapes for the option list, then for the filtergraph', () => {
    // Checked against ffmpeg 5.1: this renders as  a'b:c,d[e]f;g\h
    expect(escapeDrawtext("a'b:c,d[e]f;g\\h")).toBe(String.raw`a\\\'b\\:c\,d\[e\]f\;g\\\\h`);
  });

  it('escapes each special character at the right level', () => {
    // ":" is special only to the option list: \: there, then that backslash escaped for the graph.
    expect(escapeFilterOption(':')).toBe(String.raw`\\:`);
    // "'" and "\" are special to both: escaped, then the escape and the character escaped again.
    expect(escapeFilterOption("'")).toBe(String.raw`\\\'`);
    expect(escapeFilterOption('\\')).toBe(String.raw`\\\\`);
    expect(escapeFilterOption(',')).toBe('\\,');
    expect(escapeFilterOption(';')).toBe('\\;');
    expect(escapeFilterOption('[')).toBe('\\[');
    expect(escapeFilterOption(']')).toBe('\\]');
  });

  it('refuses line breaks: each line is drawn on its own', () => {
    expect(() => escapeDrawtext('one\ntwo')).toThrow(RangeError);
    expect(() => escapeDrawtext('one\rtwo')).toThrow(RangeError);
  });
});

describe('ffmpegColour', () => {
  it('converts #rrggbb to 0xRRGGBB and refuses anything else', () => {
    expect(ffmpegColour('#005eb8')).toBe('0x005EB8');
    expect(() => ffmpegColour('005EB8')).toThrow(RangeError);
    expect(() => ffmpegColour('#05E')).toThrow(RangeError);
  });
});

describe('buildCardFilter', () => {
  const look: CardLook = {
    background: '#005EB8',
    foreground: '#FFFFFF',
    fonts: { heading: '/fonts/Bold.ttf', body: '/fonts/Regular.ttf', footer: '/fonts/Regular.ttf' },
  };
  const plan = layoutCard({ heading: 'Words, labels: risk', body: ['A label instead of a name.'] }, 'Footer', CARD_LAYOUT);
  const filter = buildCardFilter(plan, CARD_LAYOUT, look);
  // Split on commas that the escaping left unescaped: those separate filters.
  const filters = filter.split(/(?<!\\),/);

  it('draws the accent bar, then one drawtext per line with expansion off', () => {
    expect(filters[0]).toBe(`drawbox=x=128:y=${plan.accentBar.y}:w=96:h=8:color=0xFFFFFF:t=fill`);
    expect(filters).toHaveLength(1 + plan.texts.length);
    for (const [index, text] of plan.texts.entries()) {
      const drawtext = filters[index + 1]!;
      expect(drawtext).toMatch(/^drawtext=fontfile=\/fonts\/(Bold|Regular)\.ttf:expansion=none:/);
      expect(drawtext).toContain(`:fontsize=${CARD_LAYOUT.styles[text.style].fontSize}:`);
      expect(drawtext).toContain(`:x=${text.x}:y=${text.baseline}-ascent:`);
      expect(drawtext.endsWith(`:text=${escapeDrawtext(text.text)}`)).toBe(true);
    }
  });

  it('uses the heading font for the heading and escapes its punctuation', () => {
    expect(filters[1]).toContain('fontfile=/fonts/Bold.ttf');
    expect(filters[1]).toContain(String.raw`text=Words\, labels\\: risk`);
  });

  it('describes the colour source of the card size', () => {
    expect(cardSource(CARD_LAYOUT, look)).toBe('color=c=0x005EB8:s=1280x720:r=1');
  });
});
