// The saved string's framing: "cg<version>", then "~<chunk>" per part, then "." to say it is whole. Each chunk
// starts with a 4-character checksum of the rest, so damage is found and blamed on one part, and a string the LMS
// cut short lacks the final "." even when the cut falls exactly between chunks.
import { tag4 } from './hash.ts';

export const ENVELOPE_PREFIX = 'cg';
const SEPARATOR = '~';
const END = '.';
const CHECKSUM_LENGTH = 4;

export function frame(version: number, chunkBodies: readonly string[]): string {
  return ENVELOPE_PREFIX + version + chunkBodies.map((body) => SEPARATOR + tag4(body) + body).join('') + END;
}

/** Length a chunk with this body adds to the framed string (separator and checksum included). */
export function framedLength(body: string): number {
  return SEPARATOR.length + CHECKSUM_LENGTH + body.length;
}

/** Length of a frame with no chunks. */
export function emptyFrameLength(version: number): number {
  return frame(version, []).length;
}

export interface Piece {
  /** The chunk without its checksum (possibly damaged: check `intact`). */
  body: string;
  intact: boolean;
}

export type Envelope =
  | { kind: 'framed'; version: number; pieces: Piece[]; complete: boolean }
  | { kind: 'unframed' };

export function unframe(text: string): Envelope {
  const match = /^cg(\d{1,6})(?=~|\.|$)/.exec(text);
  if (!match) return { kind: 'unframed' };
  const version = Number(match[1]);
  const complete = text.endsWith(END);
  const rest = text.slice(match[0].length, complete ? -END.length : undefined);
  if (rest === '') return { kind: 'framed', version, pieces: [], complete };
  const parts = rest.split(SEPARATOR);
  // Anything before the first separator is not a chunk: the string was damaged right after the version.
  const leading = parts.shift();
  const pieces: Piece[] = parts.map((part) => {
    const body = part.slice(CHECKSUM_LENGTH);
    return { body, intact: part.length > CHECKSUM_LENGTH && tag4(body) === part.slice(0, CHECKSUM_LENGTH) };
  });
  if (leading !== '') pieces.unshift({ body: leading ?? '', intact: false });
  return { kind: 'framed', version, pieces, complete };
}
