// The course's ids written as SCORM 2004 identifiers that every LMS takes, by a mapping that can be undone, so no
// two ids ever become one. Strict LMSs read short_identifier_type (choice and likert responses, their patterns) as
// word characters and dots only (Moodle 5.0: ^[\w.]{1,250}$, error 406 otherwise) and long_identifier_type
// (interaction and objective ids) as no white space, with "urn:" kept for real URNs.
//
// Short identifiers: letters and digits stay; "-" (the course's slugs join words with it) becomes "_"; "." is the
// escape character: "_" is written "._", "." is written "..", and any other character ".hhhh" (its UTF-16 code unit in
// four hex digits). A slug such as "one-in-three" comes out as "one_in_three", readable in the LMS's reports.
// Long identifiers: everything stays but white space and "%", written "%hhhh"; a leading "urn:" that is no URN has its
// colon escaped.

const SHORT_MAX = 250;
const LONG_MAX = 4000;

/** The id as a short_identifier_type, or null when it cannot be one (empty, or over 250 characters once written). */
export function shortIdentifier2004(id: string): string | null {
  let out = '';
  for (const char of id.split('')) {
    if (/[A-Za-z0-9]/.test(char)) out += char;
    else if (char === '-') out += '_';
    else if (char === '_') out += '._';
    else if (char === '.') out += '..';
    else out += `.${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
  return out.length > 0 && out.length <= SHORT_MAX ? out : null;
}

/** The id a short identifier was written from (shortIdentifier2004 undone); null when it is not one of ours. */
export function fromShortIdentifier2004(written: string): string | null {
  let out = '';
  for (let i = 0; i < written.length; i++) {
    const char = written[i]!;
    if (char === '_') out += '-';
    else if (char !== '.') out += char;
    else {
      const next = written[i + 1];
      if (next === '.' || next === '_') {
        out += next;
        i++;
      } else {
        const hex = written.slice(i + 1, i + 5);
        if (!/^[0-9a-f]{4}$/.test(hex)) return null;
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      }
    }
  }
  return out;
}

/** The id as a long_identifier_type, or null when it cannot be one (empty, or over 4,000 characters once written). */
export function longIdentifier2004(id: string): string | null {
  let out = id.replace(/[\s%]/g, (char) => `%${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (out.startsWith('urn:') && !/^urn:[A-Za-z0-9-]{1,31}:\S/.test(out)) out = `urn%003a${out.slice(4)}`;
  return out.length > 0 && out.length <= LONG_MAX ? out : null;
}
