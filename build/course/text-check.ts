// Every string in a course or variant file, checked for what no schema pattern catches well and what would
// otherwise surface only after the Vite build, as an XML error that does not name the course file:
//   - a lone surrogate (half of an emoji, from a "\uD83D" escape or a bad copy-paste), which becomes U+FFFD;
//   - a control character (U+0000–U+001F but tab and line breaks, U+007F–U+009F) or U+FFFE/U+FFFF, which XML 1.0
//     cannot hold, so the manifest would be refused;
//   - text made only of spaces and invisible characters (zero-width spaces, no-break spaces, joiners…), which
//     passes "not only spaces" in the schema but shows as nothing.
import type { CourseProblem } from './problems.ts';
import { pointerOf } from './problems.ts';

// With the u flag a pair is one code point, so this matches only a surrogate without its other half.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/;
/** Characters that show as nothing on their own. */
const INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Z}\p{M}\u2800]*$/u;

const NAMES: Readonly<Record<number, string>> = {
  0x00a0: 'no-break space',
  0x00ad: 'soft hyphen',
  0x200b: 'zero width space',
  0x200c: 'zero width non-joiner',
  0x200d: 'zero width joiner',
  0x2060: 'word joiner',
  0x202f: 'narrow no-break space',
  0x3000: 'ideographic space',
  0xfeff: 'zero width no-break space',
  0x2800: 'braille pattern blank',
  0x3164: 'hangul filler',
};

/** Problems with the strings anywhere in `value` (object keys are left to the schema). */
export function checkText(value: unknown, file: string): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (typeof node === 'string') {
      const problem = textProblem(node);
      if (problem) problems.push({ file, pointer: pointerOf(path), ...problem });
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index]));
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) visit(item, [...path, key]);
    }
  };
  visit(value, []);
  return problems;
}

/** What is wrong with one string, or undefined. */
export function textProblem(text: string): { message: string; allowed: string } | undefined {
  const lone = LONE_SURROGATE.exec(text);
  if (lone) {
    return {
      message: `has a lone surrogate (\\u${codeOf(lone[0])}) at character ${lone.index + 1}: half of an emoji or other character, which shows as "\uFFFD"`,
      allowed: 'whole characters: paste the character itself, or both halves of its \\uD8xx\\uDCxx escape',
    };
  }
  const control = FORBIDDEN.exec(text);
  if (control) {
    return {
      message: `has the control character U+${codeOf(control[0])} at character ${control.index + 1}, which cannot be shown and which the LMS's XML manifest cannot hold`,
      allowed: 'text without control characters (line breaks and tabs are fine)',
    };
  }
  if (text.length > 0 && INVISIBLE.test(text)) {
    const kinds = [...new Set([...text].map((char) => describeChar(char)))];
    return { message: `is only spaces or invisible characters (${kinds.slice(0, 4).join(', ')}), so it would show as nothing`, allowed: 'some visible text' };
  }
  return undefined;
}

function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  if (code === 0x20) return 'spaces';
  return `U+${codeOf(char)}${NAMES[code] ? ` ${NAMES[code]}` : ''}`;
}

function codeOf(char: string): string {
  return char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
}
