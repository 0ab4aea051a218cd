// The NHS identity colour palette (the brand guidelines' 21 colours for NHS organisations), which trust variants
// pick their header and accent colours from. Emergency Services Red (#DA291C) is left out on purpose: the identity
// reserves it for emergency services. nhsuk-frontend (the NHS.UK website) uses a few web-tuned values of its own
// (e.g. green #007f3b, black #212b32); variants follow the organisational identity palette instead.

export interface PaletteColour {
  name: string;
  /** Upper-case "#RRGGBB". */
  hex: string;
}

export const NHS_PALETTE: readonly PaletteColour[] = [
  { name: 'NHS Blue', hex: '#005EB8' },
  { name: 'NHS Dark Blue', hex: '#003087' },
  { name: 'NHS Bright Blue', hex: '#0072CE' },
  { name: 'NHS Light Blue', hex: '#41B6E6' },
  { name: 'NHS Aqua Blue', hex: '#00A9CE' },
  { name: 'NHS Black', hex: '#231F20' },
  { name: 'NHS Dark Grey', hex: '#425563' },
  { name: 'NHS Mid Grey', hex: '#768692' },
  { name: 'NHS Pale Grey', hex: '#E8EDEE' },
  { name: 'NHS White', hex: '#FFFFFF' },
  { name: 'NHS Dark Green', hex: '#006747' },
  { name: 'NHS Green', hex: '#009639' },
  { name: 'NHS Light Green', hex: '#78BE20' },
  { name: 'NHS Aqua Green', hex: '#00A499' },
  { name: 'NHS Purple', hex: '#330072' },
  { name: 'NHS Dark Pink', hex: '#7C2855' },
  { name: 'NHS Pink', hex: '#AE2573' },
  { name: 'NHS Dark Red', hex: '#8A1538' },
  { name: 'NHS Warm Yellow', hex: '#FFB81C' },
  { name: 'NHS Orange', hex: '#ED8B00' },
  { name: 'NHS Yellow', hex: '#FAE100' },
];

const HEX_COLOUR = /^#[0-9A-Fa-f]{6}$/;

/** "#rrggbb" in either case → [r, g, b] 0..255; undefined for anything else (no 3-digit or named forms). */
export function parseHexColour(text: string): [number, number, number] | undefined {
  if (!HEX_COLOUR.test(text)) return undefined;
  return [1, 3, 5].map((start) => parseInt(text.slice(start, start + 2), 16)) as [number, number, number];
}

/** The palette colour with this hex value (case-insensitive), if any. */
export function findPaletteColour(hex: string): PaletteColour | undefined {
  const upper = hex.toUpperCase();
  return NHS_PALETTE.find((colour) => colour.hex === upper);
}

/**
 * The palette colour closest to `hex`, for "did you mean" hints. Distance is the "redmean" weighted RGB distance,
 * a cheap approximation of perceived difference that ranks near-misses better than plain RGB distance.
 */
export function nearestPaletteColour(hex: string): PaletteColour | undefined {
  const rgb = parseHexColour(hex);
  if (rgb === undefined) return undefined;
  let best: PaletteColour | undefined;
  let bestDistance = Infinity;
  for (const colour of NHS_PALETTE) {
    const distance = redmeanDistance(rgb, parseHexColour(colour.hex)!);
    if (distance < bestDistance) [best, bestDistance] = [colour, distance];
  }
  return best;
}

function redmeanDistance([r1, g1, b1]: readonly number[], [r2, g2, b2]: readonly number[]): number {
  const meanRed = (r1! + r2!) / 2;
  const dr = r1! - r2!;
  const dg = g1! - g2!;
  const db = b1! - b2!;
  return Math.sqrt((2 + meanRed / 256) * dr * dr + 4 * dg * dg + (2 + (255 - meanRed) / 256) * db * db);
}
