// Short fingerprints written into the saved state: checksums of its chunks and stable tags for course parts.
// They are drawn in the same URL-safe alphabet as the compressed payload, so the whole saved string stays in it.

export const SAFE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** FNV-1a over UTF-16 code units, finished with a 32-bit avalanche so nearby inputs spread over all bits. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Four characters (24 bits): a corrupted chunk slips past its checksum about once in 16.7 million. */
export function tag4(text: string): string {
  const h = hash32(text);
  let out = '';
  for (let shift = 18; shift >= 0; shift -= 6) out += SAFE_ALPHABET[(h >>> shift) & 63];
  return out;
}

export function isSafeText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (SAFE_ALPHABET.indexOf(text[i] as string) < 0) return false;
  return true;
}
