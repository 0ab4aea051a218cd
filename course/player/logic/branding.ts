// A trust's look, from RuntimeConfig.variant.branding: its colours as CSS custom properties (styles/tokens.css holds
// the NHS defaults they replace) and its logo's address inside the package. The build has checked the colours'
// contrast already; this only refuses values that are not what the build writes, so a hand-edited config.js cannot
// put arbitrary CSS or an outside address into the page.
import type { VariantBranding } from '../../model/types.ts';

const HEX = /^#[0-9a-f]{6}$/i;

/** `hex` with each channel moved towards black by `share` (0..1): the pressed and hover shades of the accent. */
export function darken(hex: string, share: number): string {
  const channels = [1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - share)));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The custom properties to set on the page for the variant's colours (styles/tokens.css): the header band, and the
 * accent for buttons (white text on it) and links. Focus styles are not among them: they stay NHS yellow and black whatever the trust's colours.
 */
export function brandProperties(branding: VariantBranding | undefined): Record<string, string> {
  const colours = branding?.colours;
  const out: Record<string, string> = {};
  if (colours && HEX.test(colours.header)) out['--header'] = colours.header;
  if (colours && HEX.test(colours.accent)) {
    out['--accent'] = colours.accent;
    out['--button'] = colours.accent;
    out['--button-hover'] = darken(colours.accent, 0.2);
    out['--button-shadow'] = darken(colours.accent, 0.5);
  }
  return out;
}

/** The logo's address relative to index.html, or null unless it is a plain path inside the package. */
export function logoSource(branding: VariantBranding | undefined): string | null {
  const file = branding?.logo?.file;
  if (!file || !/^[\w-]+(?:\/[\w.-]+)*\.(?:svg|png)$/i.test(file) || file.split('/').includes('..')) return null;
  return `./${file}`;
}
