// Compression for the saved state. lz-string's base64 output mapped to the URL-safe alphabet (A-Z a-z 0-9 - _, no
// padding): pure ASCII, so no LMS can mangle it through a Latin-1 database column, an XML or JSON escape, a form
// post that turns "+" into a space, or a "%"/"&" in a query string. compressToUTF16 would be 2.5 times denser, but
// its code points above U+007F are exactly what some LMSs damage, and SCORM counts characters, not bytes.
import LZString from 'lz-string';
import { SAFE_ALPHABET } from './hash.ts';

export function pack(text: string): string {
  return LZString.compressToBase64(text).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** The text, or null when the packed string does not decompress (lz-string may also throw on damaged input). */
export function unpack(packed: string): string | null {
  const base64 = packed.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const text = LZString.decompressFromBase64(base64);
    return typeof text === 'string' && text.length > 0 ? text : null;
  } catch {
    return null;
  }
}

/**
 * As much of the text as a packed string that was cut short still holds. lz-string gives up on a cut stream, but its
 * format decodes front to back, so this reader of the same format (an LZW variant writing 6 bits per character, low
 * bit of each code first) stops where the input ends and returns what it had. Null when the input is not lz data.
 */
export function unpackPartial(packed: string): string | null {
  const read = bitReader(packed);
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const literal = (kind: number | null): string | null => {
    const code = kind === 0 ? read(8) : kind === 1 ? read(16) : null;
    return code === null ? null : String.fromCharCode(code);
  };
  const first = literal(read(2));
  if (first === null) return null;
  dictionary.push(first);
  let w = first;
  let result = first;
  for (;;) {
    let code = read(numBits);
    if (code === null) return result;
    if (code === 2) return result;
    if (code === 0 || code === 1) {
      const char = literal(code);
      if (char === null) return result;
      dictionary.push(char);
      code = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    const known = dictionary[code];
    const entry = known !== undefined && code >= 3 ? known : code === dictionary.length ? w + w.charAt(0) : null;
    if (entry === null) return null;
    result += entry;
    dictionary.push(w + entry.charAt(0));
    w = entry;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
}

/** Reads n-bit numbers (first bit lowest) from the 6-bit characters, most significant bit of each character first. */
function bitReader(packed: string): (n: number) => number | null {
  let index = 0;
  let value = 0;
  let mask = 0;
  return (n) => {
    let out = 0;
    for (let bit = 0; bit < n; bit++) {
      if (mask === 0) {
        if (index >= packed.length) return null;
        value = SAFE_ALPHABET.indexOf(packed[index++] as string);
        if (value < 0) return null;
        mask = 32;
      }
      if (value & mask) out |= 1 << bit;
      mask >>= 1;
    }
    return out;
  };
}
