// WebVTT writing and checking, for the captions, chapters and descriptions tracks.
// All times are whole milliseconds: WebVTT's own precision, so nothing is lost or rounded twice.

export interface VttCue {
  /** Optional cue identifier (must not contain "-->" or a line break). */
  id?: string;
  startMs: number;
  endMs: number;
  /** Cue text, already escaped for WebVTT; lines separated by "\n". */
  text: string;
}

/** "HH:MM:SS.mmm", the long form, which every WebVTT parser accepts. */
export function formatVttTimestamp(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0) throw new RangeError(`a WebVTT time must be a whole, non-negative number of milliseconds, got ${ms}`);
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  const millis = ms % 1000;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(millis, 3)}`;
}

/** Reads "HH:MM:SS.mmm" or "MM:SS.mmm" back to milliseconds; null if malformed. */
export function parseVttTimestamp(text: string): number | null {
  const match = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(text);
  if (!match) return null;
  const [, hours = '0', minutes, seconds, millis] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/** "m:ss" for people (transcript headings, the report). */
export function formatClock(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  return `${Math.floor(totalSeconds / 60)}:${pad(totalSeconds % 60, 2)}`;
}

/**
 * Escapes cue text: "&" and "<" start entities and tags in cue payloads, and ">" is escaped so a
 * stray "-->" can never be read as a timing line.
 */
export function escapeVttText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A complete WebVTT file: header, then one block per cue, each followed by a blank line. */
export function serialiseVtt(cues: readonly VttCue[]): string {
  const blocks = cues.map((cue) => {
    const lines: string[] = [];
    if (cue.id !== undefined) lines.push(cue.id);
    lines.push(`${formatVttTimestamp(cue.startMs)} --> ${formatVttTimestamp(cue.endMs)}`);
    lines.push(cue.text);
    return lines.join('\n');
  });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

export interface VttCheckOptions {
  /** Film length: every cue must end by then. */
  durationMs?: number;
  /** Longest caption line allowed, in characters. */
  maxLineChars?: number;
  /** Most lines one cue may hold. */
  maxLines?: number;
}

/**
 * Checks a WebVTT file as we write them: header, well-formed timing lines, start before end,
 * cues in order and not overlapping, non-empty text, optional length limits.
 * Returns the problems found (empty when the file is good).
 */
export function checkVtt(source: string, options: VttCheckOptions = {}): string[] {
  const problems: string[] = [];
  const text = source.replace(/\r\n?/g, '\n');
  const blocks = text.split(/\n{2,}/).filter((block) => block.trim().length > 0);
  const header = blocks.shift();
  if (header === undefined || !/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(header)) {
    problems.push('the file does not start with a "WEBVTT" header line');
    return problems;
  }
  if (blocks.length === 0) problems.push('the file has no cues');

  let previousEnd = -1;
  let previousStart = -1;
  const seenIds = new Set<string>();
  blocks.forEach((block, index) => {
    const where = `cue ${index + 1}`;
    const lines = block.replace(/\n+$/, '').split('\n');
    const timingIndex = lines.findIndex((line) => line.includes('-->'));
    if (timingIndex === -1) {
      problems.push(`${where}: no timing line`);
      return;
    }
    if (timingIndex > 1) problems.push(`${where}: more than one line before the timing line`);
    if (timingIndex >= 1) {
      const id = lines[0]!;
      if (seenIds.has(id)) problems.push(`${where}: identifier "${id}" is used twice`);
      seenIds.add(id);
    }
    const timing = /^(\S+) --> (\S+)(?:[ \t].*)?$/.exec(lines[timingIndex]!);
    const start = timing ? parseVttTimestamp(timing[1]!) : null;
    const end = timing ? parseVttTimestamp(timing[2]!) : null;
    if (start === null || end === null) {
      problems.push(`${where}: malformed timing line "${lines[timingIndex]}"`);
      return;
    }
    if (end <= start) problems.push(`${where}: ends (${timing![2]}) before or when it starts (${timing![1]})`);
    if (start < previousStart) problems.push(`${where}: starts before the cue before it`);
    if (start < previousEnd) problems.push(`${where}: overlaps the cue before it`);
    if (options.durationMs !== undefined && end > options.durationMs) {
      problems.push(`${where}: ends at ${timing![2]}, after the film ends (${formatVttTimestamp(options.durationMs)})`);
    }
    const payload = lines.slice(timingIndex + 1);
    if (payload.length === 0 || payload.every((line) => line.trim() === '')) problems.push(`${where}: has no text`);
    if (payload.some((line) => line.includes('-->'))) problems.push(`${where}: text contains "-->"`);
    if (options.maxLines !== undefined && payload.length > options.maxLines) {
      problems.push(`${where}: ${payload.length} lines, more than ${options.maxLines}`);
    }
    if (options.maxLineChars !== undefined) {
      for (const line of payload) {
        const length = [...unescapeVttText(line)].length;
        if (length > options.maxLineChars) problems.push(`${where}: line "${line}" has ${length} characters, more than ${options.maxLineChars}`);
      }
    }
    previousStart = start;
    previousEnd = end;
  });
  return problems;
}

/** The reverse of escapeVttText, for measuring lines as a viewer sees them. */
function unescapeVttText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
