// How much a learner may still write in each reflection, and what happens to an edit that would not fit. Where the
// saved state has room for every reflection at its maxLength, each answer simply counts against its maxLength.
// Where it has not (SCORM 1.2 with the real course: four prompts share about 3,800 saved characters), the runtime's
// state budget (runtime/state/budget.ts) decides what fits, measured in saved (compressed) characters: the learner
// sees an estimate of the everyday writing that still fits, an edit that would not fit is stopped before it reaches
// the state (never by cutting what is already there), and a deletion is always allowed.
import type { Course, StandardId } from '../../model/types.ts';
import { largestThatFits, planStateBudget, reflectionSpace } from '../../runtime/state/budget.ts';
import type { Strings } from '../strings/index.ts';

export interface FieldStatus {
  /** 'length': counted exactly against the prompt's maxLength. 'shared': an estimate within the shared room. */
  kind: 'length' | 'shared';
  /** Characters in the answer now. */
  length: number;
  /** The prompt's maxLength. */
  max: number;
  /**
   * Characters the learner can still add: exact for 'length' (and for 'shared' when maxLength is what stops them),
   * otherwise an estimate for everyday writing in the course's language.
   */
  left: number;
  /** Whether `left` is exact. */
  exact: boolean;
  /** Nothing more fits (and what is there does). */
  full: boolean;
  /** Within the last tenth (at most the last 50 characters): worth announcing. */
  near: boolean;
  /** The answers as they stand do not fit (a restored or older state): they must shrink before they can be saved. */
  over: boolean;
}

export type EditOutcome =
  | { kind: 'accepted'; text: string }
  /** Part of what was added fits: that part is kept, after it nothing. `added` of `offered` characters. */
  | { kind: 'trimmed'; text: string; caret: number; added: number; offered: number }
  /** Nothing of what was added fits: the text stays as it was, with the learner's selection put back. */
  | { kind: 'refused'; text: string; selection: [number, number] };

export interface ReflectionBudget {
  /** The reflections share a room of saved characters, rather than each having only its maxLength. */
  readonly shared: boolean;
  /** Characters of any text each answer is sure to hold in the shared room (the smallest floor); null when not shared. */
  readonly guaranteed: number | null;
  /** Whether the reflections may be kept with this prompt's answer as given. */
  fits(reflections: Readonly<Record<string, string>>, promptId: string): boolean;
  status(reflections: Readonly<Record<string, string>>, promptId: string): FieldStatus;
  /**
   * The text to keep when the learner changes a prompt's answer to `next`.
   * @param caretAfter where the caret is after the change (the textarea's selectionEnd), to tell which part was added
   */
  edit(reflections: Readonly<Record<string, string>>, promptId: string, next: string, caretAfter?: number): EditOutcome;
}

/**
 * A status worked out a moment ago, brought up to date for the answer's length now, without compressing anything:
 * the screen shows this while the learner types and works the real status out when they pause.
 */
export function adjustStatus(status: FieldStatus, length: number): FieldStatus {
  if (length === status.length) return status;
  const byLength = Math.max(0, status.max - length);
  const left = Math.min(byLength, Math.max(0, status.left - (length - status.length)));
  // Whether shortening an answer that was over has brought it back within the room is known only after the pause.
  const over = status.over;
  return {
    ...status,
    length,
    left: over ? 0 : left,
    exact: status.kind === 'length' || left === byLength,
    full: !over && left === 0,
    near: !over && left <= warnAt(status.max),
    over,
  };
}

/** Where the warning starts: the last tenth of the budget, or the last 50 characters of a long one. */
export function warnAt(max: number): number {
  return Math.min(50, Math.ceil(max / 10));
}

export function reflectionBudget(course: Course, standard: StandardId): ReflectionBudget {
  const plan = planStateBudget(course, standard);
  const floors = plan.ok ? plan.guaranteedReflectionChars : null;
  const shared = plan.ok && plan.reflectionRoom !== null && floors !== null;
  const maxLengths = new Map<string, number>();
  for (const section of course.sections) {
    for (const screen of section.screens) {
      if (screen.type !== 'reflection') continue;
      for (const prompt of screen.prompts) maxLengths.set(prompt.id, Math.min(prompt.maxLength, course.limits.reflectionMaxLength));
    }
  }
  const sample = shared ? sampleProse(course) : '';

  const fits = (reflections: Readonly<Record<string, string>>, promptId: string): boolean => {
    const max = maxLengths.get(promptId);
    if (max === undefined) return false;
    if ((reflections[promptId] ?? '').length > max) return false;
    return !shared || reflectionSpace(course, standard, reflections, promptId).fits;
  };

  return {
    shared,
    guaranteed: shared && floors ? Math.min(...Object.values(floors)) : null,
    fits,
    status(reflections, promptId) {
      const max = maxLengths.get(promptId) ?? 0;
      const text = reflections[promptId] ?? '';
      const byLength = Math.max(0, max - text.length);
      const over = !fits(reflections, promptId);
      let left = byLength;
      if (shared && !over && byLength > 0) {
        // The longest continuation in ordinary prose of the course's own language that still fits.
        const continued = (n: number) => fits({ ...reflections, [promptId]: text + continuation(sample, n) }, promptId);
        left = continued(byLength) ? byLength : largestThatFits(byLength, continued);
      }
      if (over) left = 0;
      return {
        kind: shared ? 'shared' : 'length',
        length: text.length,
        max,
        left,
        exact: !shared || left === byLength,
        full: !over && left === 0,
        near: !over && left <= warnAt(max),
        over,
      };
    },
    edit(reflections, promptId, next, caretAfter) {
      const previous = reflections[promptId] ?? '';
      return fitEdit(previous, next, (text) => fits({ ...reflections, [promptId]: text }, promptId), caretAfter);
    },
  };
}

/** The words under a field: exact where maxLength is what limits the answer, "about" where the shared room does. */
export function countText(words: Strings['reflection'], status: FieldStatus): string {
  if (status.over) return words.overRoom;
  if (status.exact) return status.left === 0 ? words.atLimit(status.max) : words.charactersRemaining(status.left);
  if (status.full) return words.noRoomLeft;
  // A round number says "estimate" as plainly as the word does.
  return words.aboutLeft(status.left >= 100 ? Math.floor(status.left / 10) * 10 : status.left);
}

/**
 * Keeps an edit, or as much of what it added as `fits` allows, without touching the rest of the text. Deleting is
 * always allowed: refusing it could leave a learner unable to shorten an answer that is over the budget.
 */
export function fitEdit(previous: string, next: string, fits: (text: string) => boolean, caretAfter?: number): EditOutcome {
  if (next === previous) return { kind: 'accepted', text: next };
  const { start, removed, inserted } = describeEdit(previous, next, caretAfter);
  if (inserted === '' || fits(next)) return { kind: 'accepted', text: next };
  const head = previous.slice(0, start);
  const tail = previous.slice(start + removed);
  const withAdded = (n: number): string => head + inserted.slice(0, keepPairs(inserted, n)) + tail;
  // Compression is not strictly monotonic, so the search result is checked before it is used.
  const kept = keepPairs(inserted, largestThatFits(inserted.length - 1, (n) => fits(withAdded(n))));
  if (kept > 0 && fits(withAdded(kept))) {
    return { kind: 'trimmed', text: withAdded(kept), caret: start + kept, added: kept, offered: inserted.length };
  }
  return { kind: 'refused', text: previous, selection: [start, start + removed] };
}

/**
 * Which part of `previous` an edit replaced (from `start`, `removed` characters) and with what. The caret after the
 * edit ends the inserted text, which settles the ambiguous cases (typing "a" into "aa"); without it, the longest
 * common beginning and end are used. A surrogate pair is never split.
 */
export function describeEdit(previous: string, next: string, caretAfter?: number): { start: number; removed: number; inserted: string } {
  let start = 0;
  let end: number; // characters at the end of both that the edit left alone
  const after = caretAfter === undefined ? -1 : next.length - caretAfter;
  if (after >= 0 && after <= previous.length && after <= next.length && previous.endsWith(next.slice(next.length - after))) {
    end = after;
    const limit = Math.min(next.length - end, previous.length - end);
    while (start < limit && previous[start] === next[start]) start++;
  } else {
    const limit = Math.min(previous.length, next.length);
    while (start < limit && previous[start] === next[start]) start++;
    end = 0;
    while (end < limit - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end++;
  }
  if (start > 0 && isHighSurrogate(previous.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(previous.charCodeAt(previous.length - end))) end--;
  return { start, removed: previous.length - end - start, inserted: next.slice(start, next.length - end) };
}

/** n, or n - 1 when the nth character would be the first half of a pair. */
function keepPairs(text: string, n: number): number {
  return n > 0 && isHighSurrogate(text.charCodeAt(n - 1)) ? n - 1 : n;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Ordinary prose in the course's own language, to estimate what more fits: the course's sentences (screen bodies,
 * scenario situations, consequences and feedback, question feedback) in course order. Prose the learner writes
 * compresses about as well as this; the stop itself does not rely on the estimate.
 */
export function sampleProse(course: Course): string {
  const parts: string[] = [];
  const add = (text: string | undefined): void => {
    if (text && text.trim() !== '') parts.push(text.trim());
  };
  for (const section of course.sections) {
    for (const screen of section.screens) {
      add(screen.body);
      if (screen.type === 'scenario') {
        for (const step of screen.steps) {
          add(step.situation);
          for (const choice of step.choices) {
            add(choice.consequence);
            add(choice.feedback);
          }
        }
      } else if (screen.type === 'knowledge-check') {
        for (const question of screen.questions) for (const option of question.options) add(option.feedback);
      }
    }
  }
  for (const cue of course.film.cuePoints) for (const option of cue.question.options) add(option.feedback);
  return parts.join(' ');
}

/** The first n characters of the sample, going round again if the course has less prose than that. */
function continuation(sample: string, n: number): string {
  if (sample === '') return 'x'.repeat(n);
  let out = '';
  while (out.length < n) out += `${sample} `;
  return out.slice(0, n);
}
