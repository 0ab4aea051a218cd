// Version 1 of the saved state: two chunks. "p": the progress of every section that has any, each section's payload
// (section-payload.ts) filed under its structure tag. "r": the reflections, filed under their prompts' tags. Each
// chunk lists its tags in plain text before the packed JSON array, so even when the array is damaged or cut short we
// know exactly which sections and reflections were in it. Reflections go last: they are the bulk, and an LMS that
// cuts the string short then takes reflection text, never the record of what was done.
import type { Course } from '../../model/types.ts';
import { emptyLearnerState, type LearnerState } from './learner-state.ts';
import { layoutOf, type CourseLayout, type PromptLayout, type SectionLayout } from './course-layout.ts';
import { frame, framedLength, type Piece } from './envelope.ts';
import { SAFE_ALPHABET } from './hash.ts';
import { readArrayPrefix } from './json-prefix.ts';
import { pack, unpack, unpackPartial } from './packing.ts';
import { normaliseReflection } from './reflection-text.ts';
import { decodeSection, encodeSection } from './section-payload.ts';

export const VERSION = 1;
const TAG = 4;
const COUNT = 2;

export function encodeV1(state: LearnerState, course: Course): string {
  const layout = layoutOf(course);
  const bodies = [progressBody(state, layout), reflectionsBody(layout.prompts.map((p) => [p, state.reflections[p.id] ?? '']))];
  return frame(VERSION, bodies.filter((body): body is string => body !== null));
}

export function progressBody(state: LearnerState, layout: CourseLayout): string | null {
  const tags: string[] = [];
  const payloads: unknown[] = [];
  for (const section of layout.sections) {
    const payload = encodeSection(state, layout, section);
    if (payload === null) continue;
    tags.push(section.structureTag);
    payloads.push(payload);
  }
  return chunkBody('p', tags, payloads);
}

/** The reflections chunk for these prompts and texts (empty texts are left out). */
export function reflectionsBody(entries: readonly (readonly [PromptLayout, string])[]): string | null {
  const kept = entries.filter(([, text]) => text !== '');
  return chunkBody('r', kept.map(([prompt]) => prompt.idTag), kept.map(([, text]) => normaliseReflection(text)));
}

/** What a chunk body adds to the saved string, separator and checksum included; 0 for no chunk. */
export function costOf(body: string | null): number {
  return body === null ? 0 : framedLength(body);
}

function chunkBody(kind: 'p' | 'r', tags: string[], items: unknown[]): string | null {
  if (items.length === 0) return null;
  if (items.length >= 64 * 64) throw new Error('too many parts to save in one chunk');
  const count = (SAFE_ALPHABET[items.length >> 6] as string) + (SAFE_ALPHABET[items.length & 63] as string);
  return kind + count + tags.join('') + pack(JSON.stringify(items));
}

/** What went wrong, named by the course parts it touches. */
export type Problem =
  | { kind: 'damaged' | 'cut'; part: 'progress' | 'reflections' | 'unknown'; sections: string[]; prompts: string[] }
  | { kind: 'section-changed'; sections: string[] };

export interface V1Decoding {
  state: LearnerState;
  /** Whether the chunk entry holding the location was restored. */
  locationFound: boolean;
  restoredAnything: boolean;
  /** Reflections restored only in part (their beginning), by prompt id: their sections restart too. */
  cutReflections: string[];
  problems: Problem[];
}

export function decodeV1(pieces: readonly Piece[], complete: boolean, course: Course): V1Decoding {
  const layout = layoutOf(course);
  const result: V1Decoding = {
    state: emptyLearnerState(layout.firstScreenId),
    locationFound: false,
    restoredAnything: false,
    cutReflections: [],
    problems: [],
  };
  const seen = new Set<string>();
  pieces.forEach((piece, index) => {
    const cut = !complete && index === pieces.length - 1 && !piece.intact;
    const kind = piece.body[0] ?? '';
    if ((kind !== 'p' && kind !== 'r') || seen.has(kind)) {
      result.problems.push({ kind: cut ? 'cut' : 'damaged', part: 'unknown', sections: [], prompts: [] });
      return;
    }
    seen.add(kind);
    const header = readHeader(piece.body);
    if (!header) {
      const part = kind === 'p' ? 'progress' : 'reflections';
      result.problems.push({ kind: cut ? 'cut' : 'damaged', part, sections: part === 'reflections' ? promptSections(layout) : [], prompts: [] });
      return;
    }
    if (kind === 'p') restoreProgress(header, piece.intact, cut, layout, result);
    else restoreReflections(header, piece.intact, cut, layout, result);
  });
  // A cut string lost whatever followed its last piece: after the progress chunk (or before any), the reflections.
  if (!complete) {
    const lostReflections = !seen.has('r');
    result.problems.push({ kind: 'cut', part: lostReflections ? 'reflections' : 'unknown', sections: lostReflections ? promptSections(layout) : [], prompts: [] });
  }
  return result;
}

interface Header {
  tags: string[];
  packed: string;
}

function readHeader(body: string): Header | null {
  const high = SAFE_ALPHABET.indexOf(body[1] ?? '');
  const low = SAFE_ALPHABET.indexOf(body[2] ?? '');
  if (high < 0 || low < 0) return null;
  const count = high * 64 + low;
  const start = 1 + COUNT;
  if (count === 0 || body.length < start + count * TAG) return null;
  const tags: string[] = [];
  for (let i = 0; i < count; i++) tags.push(body.slice(start + i * TAG, start + (i + 1) * TAG));
  return { tags, packed: body.slice(start + count * TAG) };
}

/** The array's elements: all of them from an intact chunk; from a cut one, those that arrived whole and the cut one. */
function readItems(header: Header, intact: boolean, cut: boolean): { items: unknown[]; cutString: string | null } | null {
  if (intact) {
    const text = unpack(header.packed);
    const items = text === null ? undefined : parseJson(text);
    return Array.isArray(items) && items.length === header.tags.length ? { items, cutString: null } : null;
  }
  if (!cut) return null;
  const text = unpackPartial(header.packed);
  const prefix = text === null ? null : readArrayPrefix(text);
  return prefix === null ? { items: [], cutString: null } : { items: prefix.elements.slice(0, header.tags.length), cutString: prefix.cutString };
}

function restoreProgress(header: Header, intact: boolean, cut: boolean, layout: CourseLayout, into: V1Decoding): void {
  const owners = header.tags.map((tag) => layout.sections.find((s) => s.structureTag === tag) ?? null);
  const read = readItems(header, intact, cut);
  const lost = new Set<number>();
  header.tags.forEach((_, i) => {
    const section = owners[i];
    const item = read?.items[i];
    if (read === null || item === undefined) {
      lost.add(i);
    } else if (section && decodeSection(item, layout, section, into.state)) {
      into.restoredAnything = true;
      if (typeof item === 'object' && item !== null && 'l' in item) into.locationFound = true;
    } else if (section) {
      lost.add(i);
    }
  });
  const damaged = [...lost].map((i) => owners[i]).filter((s): s is SectionLayout => s !== null);
  if (lost.size > 0) into.problems.push({ kind: cut ? 'cut' : 'damaged', part: 'progress', sections: damaged.map((s) => s.id), prompts: [] });
  const changed = changedSections(owners, layout);
  if (changed.length > 0) into.problems.push({ kind: 'section-changed', sections: changed });
}

/**
 * Sections whose saved structure tag no longer matches: their saved entry sits between two entries that still match,
 * so the section to restart is whichever current section without a match lies between those two. When none does,
 * the section was removed and nothing needs restarting.
 */
function changedSections(owners: (SectionLayout | null)[], layout: CourseLayout): string[] {
  const matched = new Set(owners.filter((s): s is SectionLayout => s !== null).map((s) => s.index));
  const changed = new Set<string>();
  owners.forEach((owner, i) => {
    if (owner !== null) return;
    const before = owners.slice(0, i).reverse().find((s) => s !== null)?.index ?? -1;
    const after = owners.slice(i + 1).find((s) => s !== null)?.index ?? layout.sections.length;
    for (const section of layout.sections) {
      if (section.index > before && section.index < after && !matched.has(section.index)) changed.add(section.id);
    }
  });
  return layout.sections.filter((s) => changed.has(s.id)).map((s) => s.id);
}

function restoreReflections(header: Header, intact: boolean, cut: boolean, layout: CourseLayout, into: V1Decoding): void {
  const prompts = header.tags.map((tag) => layout.prompts.find((p) => p.idTag === tag) ?? null);
  const read = readItems(header, intact, cut);
  const lost: PromptLayout[] = [];
  prompts.forEach((prompt, i) => {
    if (prompt === null) return; // a prompt no longer in the course: nowhere to show its text
    const text = read?.items[i];
    if (typeof text === 'string') {
      into.state.reflections[prompt.id] = text;
      into.restoredAnything = true;
    } else if (read !== null && i === read.items.length && read.cutString) {
      into.state.reflections[prompt.id] = read.cutString;
      into.cutReflections.push(prompt.id);
      into.restoredAnything = true;
    } else {
      lost.push(prompt);
    }
  });
  if (lost.length > 0) {
    into.problems.push({
      kind: cut ? 'cut' : 'damaged',
      part: 'reflections',
      sections: [...new Set(lost.map((p) => p.sectionId))],
      prompts: lost.map((p) => p.id),
    });
  }
}

/** Sections holding reflection prompts: restarted when reflections may have been lost without trace. */
function promptSections(layout: CourseLayout): string[] {
  return [...new Set(layout.prompts.map((p) => p.sectionId))];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
