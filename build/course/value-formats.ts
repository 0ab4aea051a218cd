// Formats the variant schema names ("format": "uk-phone", …) that ajv does not know: each says why a value fails,
// so schema-errors.ts can report the reason rather than a bare "not in the required form".
import { EMAIL_FORM, HTTPS_URL_FORM, UK_PHONE_FORM, emailProblem, httpsUrlProblem, ukPhoneProblem } from '../../course/model/contact-formats.ts';
import { NHS_PALETTE, findPaletteColour, nearestPaletteColour, parseHexColour } from './nhs-palette.ts';

export interface ValueFormat {
  /** What a valid value looks like (the "allowed" part of a problem). */
  allowed: string;
  /** Why the value fails, as a phrase after the quoted value; undefined when it is valid. */
  problem(value: string): string | undefined;
}

export const VALUE_FORMATS: Readonly<Record<string, ValueFormat>> = {
  'uk-phone': { allowed: UK_PHONE_FORM, problem: ukPhoneProblem },
  'email-address': { allowed: EMAIL_FORM, problem: emailProblem },
  'https-url': { allowed: HTTPS_URL_FORM, problem: httpsUrlProblem },
  'nhs-colour': {
    allowed: `a colour of the NHS identity palette as #RRGGBB: ${NHS_PALETTE.map((colour) => `${colour.name} ${colour.hex}`).join(', ')}`,
    problem: nhsColourProblem,
  },
};

function nhsColourProblem(value: string): string | undefined {
  if (parseHexColour(value) === undefined) return 'is not a #RRGGBB hex colour';
  if (findPaletteColour(value) !== undefined) return undefined;
  const nearest = nearestPaletteColour(value)!;
  return `is not in the NHS identity colour palette; the nearest palette colour is ${nearest.name} (${nearest.hex})`;
}
