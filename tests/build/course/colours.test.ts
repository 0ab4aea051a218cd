// The NHS palette and the WCAG contrast maths (shared with the player's tests).
import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, relativeLuminance } from '../../../build/course/contrast.ts';
import { NHS_PALETTE, findPaletteColour, nearestPaletteColour, parseHexColour } from '../../../build/course/nhs-palette.ts';

describe('contrast', () => {
  it('matches the WCAG end points and is symmetric', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#FFFFFF')).toBeCloseTo(1, 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#005EB8', '#FFFFFF')).toBeCloseTo(contrastRatio('#FFFFFF', '#005EB8'), 12);
  });

  it('gives the ratios published for known pairs', () => {
    // #767676 on white is the classic "just passes AA" grey (4.54:1); #777777 just fails (4.48:1).
    expect(formatRatio(contrastRatio('#767676', '#FFFFFF'))).toBe('4.54:1');
    expect(formatRatio(contrastRatio('#777777', '#FFFFFF'))).toBe('4.47:1');
    expect(formatRatio(contrastRatio('#005EB8', '#FFFFFF'))).toBe('6.37:1');
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(formatRatio(4.5)).toBe('4.50:1');
  });

  it('refuses anything but #rrggbb', () => {
    expect(() => relativeLuminance('#fff')).toThrow(/not a #rrggbb colour/);
    expect(() => relativeLuminance('red')).toThrow();
  });
});

describe('NHS identity palette', () => {
  it('holds the 21 identity colours, each once, in canonical upper-case', () => {
    expect(NHS_PALETTE).toHaveLength(21);
    expect(new Set(NHS_PALETTE.map((colour) => colour.hex)).size).toBe(21);
    for (const colour of NHS_PALETTE) expect(colour.hex).toMatch(/^#[0-9A-F]{6}$/);
    expect(findPaletteColour('#DA291C')).toBeUndefined(); // Emergency Services Red: not for trusts
  });

  it('finds colours in either case', () => {
    expect(findPaletteColour('#330072')?.name).toBe('NHS Purple');
    expect(findPaletteColour('#7c2855')?.name).toBe('NHS Dark Pink');
    expect(parseHexColour('#7c2855')).toEqual([0x7c, 0x28, 0x55]);
  });

  it('suggests the nearest colour by name', () => {
    expect(nearestPaletteColour('#005EB9')?.name).toBe('NHS Blue');
    expect(nearestPaletteColour('#000000')?.name).toBe('NHS Black');
    expect(nearestPaletteColour('#FF0000')?.name).not.toBe('NHS Blue');
    expect(nearestPaletteColour('#3A0080')?.name).toBe('NHS Purple');
    expect(nearestPaletteColour('not a colour')).toBeUndefined();
  });
});
