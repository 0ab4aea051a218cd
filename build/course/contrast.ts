// WCAG 2.x contrast: relative luminance of an sRGB colour and the ratio between two, as success criteria 1.4.3 and
// 1.4.11 define them. Pure, so the player's tests can check their own colour pairs with the same maths.
import { parseHexColour } from './nhs-palette.ts';

/** AA for normal-size text (1.4.3): the bar for header text on the header colour and for accent buttons and links. */
export const WCAG_AA_TEXT = 4.5;

/** Relative luminance 0 (black) .. 1 (white) of "#rrggbb"; throws on anything else. */
export function relativeLuminance(hex: string): number {
  const rgb = parseHexColour(hex);
  if (rgb === undefined) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    // WCAG 2.x writes 0.03928 here; the sRGB standard's 0.04045 gives the same result for every 8-bit value.
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio 1..21 between two colours, in either order. */
export function contrastRatio(first: string, second: string): number {
  const a = relativeLuminance(first);
  const b = relativeLuminance(second);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * A ratio as people quote it, "4.48:1": cut (not rounded) to two decimals so a failing 4.499 never reads as a
 * passing "4.50:1".
 */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}
