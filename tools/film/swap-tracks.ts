// Checks on a trust's text tracks (captions, chapters, descriptions) and transcript before they replace the
// course's. Validity comes from checkVtt (vtt.ts); what is added here is what only a supplied file can get
// wrong: a file that is not UTF-8, a SubRip file under a .vtt name, captions for a different cut of the film.
import { checkVtt, escapeVttText, formatClock, parseVttTimestamp, serialiseVtt, type VttCue } from './vtt.ts';

export type TrackKind = 'captions' | 'chapters' | 'descriptions';

export interface Findings {
  /** Problems that stop the swap. */
  errors: string[];
  /** Things worth a look that do not stop it. */
  warnings: string[];
}

/** Coverage rules for captions, in milliseconds. */
export const COVERAGE = {
  /** Captions must start within this long of the film's start and end within this long of its end. */
  edgeMs: 30_000,
  /** A stretch this long with no caption inside the film is reported (a warning, not an error). */
  gapWarningMs: 30_000,
  /**
   * How far past the film's end a cue may run: caption tools round to frames, and a container's duration
   * can differ from the last frame by an audio packet. Players stop showing the cue at the end anyway.
   */
  endToleranceMs: 500,
} as const;

/** Decodes a text file as UTF-8 (WebVTT requires it), or says why it is not usable text. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'is not UTF-8 text; save it as UTF-8 (in Notepad: Save as, Encoding: UTF-8)' };
  }
  if (text.includes('\u0000')) return { problem: 'is not a plain text file (it looks like a word-processor or binary file); save it as plain text' };
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { problem: 'is empty' };
  return { text };
}

/**
 * The file with what checkVtt does not read taken out: NOTE comments and STYLE and REGION blocks. They are
 * valid WebVTT and stay in the copied file; only the check skips them. Line endings become "\n".
 */
export function withoutNonCueBlocks(source: string): string {
  const blocks = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return blocks.filter((block, index) => index === 0 || !/^(?:NOTE|STYLE|REGION)(?:[ \t\n]|$)/.test(block)).join('\n\n');
}

/**
 * Cues of a file that checkVtt accepted, with their text as written (tags and entities kept). Numbering
 * matches checkVtt's "cue N" because the same blocks are skipped.
 */
export function readVttCues(source: string): VttCue[] {
  const blocks = withoutNonCueBlocks(source).split(/\n{2,}/).filter((block) => block.trim() !== '').slice(1);
  const cues: VttCue[] = [];
  for (const block of blocks) {
    const lines = block.replace(/\n+$/, '').split('\n');
    const timingIndex = lines.findIndex((line) => line.includes('-->'));
    const timing = timingIndex === -1 ? null : /^(\S+) --> (\S+)/.exec(lines[timingIndex]!);
    const startMs = timing ? parseVttTimestamp(timing[1]!) : null;
    const endMs = timing ? parseVttTimestamp(timing[2]!) : null;
    if (startMs === null || endMs === null) continue;
    cues.push({ ...(timingIndex === 1 ? { id: lines[0]! } : {}), startMs, endMs, text: lines.slice(timingIndex + 1).join('\n') });
  }
  return cues;
}

/**
 * Checks one supplied track: valid WebVTT, then its cues against the film's length. Overlapping cues are
 * valid WebVTT (two people speaking at once) and players stack them, so for captions and descriptions they
 * are a warning; overlapping chapters make no sense and stay an error.
 */
export function checkTrack(kind: TrackKind, source: string, durationMs: number | undefined): Findings & { cues: VttCue[] } {
  const findings: Findings = { errors: [], warnings: [] };
  if (!/^WEBVTT/.test(source.replace(/^\uFEFF/, '')) && looksLikeSubRip(source)) {
    findings.errors.push('is a SubRip (.srt) file, not WebVTT; convert it with: ffmpeg -i captions.srt captions.vtt');
    return { ...findings, cues: [] };
  }
  for (const problem of checkVtt(withoutNonCueBlocks(source))) {
    if (kind !== 'chapters' && problem.endsWith('overlaps the cue before it')) {
      findings.warnings.push(`${problem} (players show both at once: fine for two voices, otherwise fix the times)`);
    } else {
      findings.errors.push(problem);
    }
  }
  if (findings.errors.length > 0) return { ...findings, cues: [] };
  const cues = readVttCues(source);
  if (durationMs !== undefined) {
    const within = checkCuesWithinFilm(cues, durationMs);
    findings.errors.push(...within.errors);
    findings.warnings.push(...within.warnings);
    if (kind === 'captions') {
      const coverage = checkCaptionCoverage(cues, durationMs);
      findings.errors.push(...coverage.errors);
      findings.warnings.push(...coverage.warnings);
    }
  }
  return { ...findings, cues };
}

/** Every cue must start before the film ends and finish by then (within the tolerance). */
export function checkCuesWithinFilm(cues: readonly VttCue[], durationMs: number, rules: Pick<typeof COVERAGE, 'endToleranceMs'> = COVERAGE): Findings {
  const errors: string[] = [];
  const late = cues.filter((cue) => cue.startMs >= durationMs || cue.endMs > durationMs + rules.endToleranceMs);
  if (late.length > 0) {
    const first = late[0]!;
    errors.push(
      `${late.length} cue${late.length === 1 ? ' runs' : 's run'} past the end of the film (${clock(durationMs)}), ` +
        `the first from ${clock(first.startMs)} to ${clock(first.endMs)}; are these the tracks for this cut of the film?`,
    );
  }
  return { errors, warnings: [] };
}

/**
 * Captions must span the film: the first cue starts within the first 30 s and the last ends within 30 s of
 * the end. A longer silence at either end usually means the file belongs to another cut or is unfinished;
 * if the film really has no speech or sound there, a cue such as "[Music]" says so to viewers who cannot hear.
 * Long uncaptioned stretches inside the film are reported as warnings.
 */
export function checkCaptionCoverage(cues: readonly VttCue[], durationMs: number, rules: Pick<typeof COVERAGE, 'edgeMs' | 'gapWarningMs'> = COVERAGE): Findings {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (cues.length === 0) return { errors: ['has no cues'], warnings };
  const sorted = [...cues].sort((a, b) => a.startMs - b.startMs);
  const firstStart = sorted[0]!.startMs;
  const lastEnd = Math.max(...sorted.map((cue) => cue.endMs));
  const silence = `; if there is no speech or sound there, add a cue such as "[Music]" or "[No speech]" so viewers know nothing is missed`;
  if (firstStart > rules.edgeMs) {
    errors.push(`the first caption starts at ${clock(firstStart)}: the first ${seconds(rules.edgeMs)} of the film must have captions${silence}`);
  }
  if (lastEnd < durationMs - rules.edgeMs) {
    errors.push(
      `the last caption ends at ${clock(lastEnd)} but the film runs to ${clock(durationMs)}: captions must continue to within ` +
        `${seconds(rules.edgeMs)} of the end (are these the captions for this cut of the film?)${silence}`,
    );
  }
  // Uncaptioned stretches inside the film: from the furthest end so far to the next start.
  let coveredUntil = sorted[0]!.endMs;
  for (const cue of sorted.slice(1)) {
    if (cue.startMs - coveredUntil > rules.gapWarningMs) {
      warnings.push(`no captions from ${clock(coveredUntil)} to ${clock(cue.startMs)} (${seconds(cue.startMs - coveredUntil)}): caption any speech or meaningful sound there`);
    }
    coveredUntil = Math.max(coveredUntil, cue.endMs);
  }
  return { errors, warnings };
}

/** Chapter titles and times from a chapters track, in seconds, for film.json. */
export function chaptersFromCues(cues: readonly VttCue[]): { title: string; start: number; end: number }[] {
  return cues.map((cue) => ({ title: plainCueText(cue.text), start: cue.startMs / 1000, end: cue.endMs / 1000 }));
}

/** A chapters track with one chapter for the whole film, for a trust that supplies none. */
export function wholeFilmChaptersVtt(title: string, durationMs: number): string {
  return serialiseVtt([{ id: 'chapter-1', startMs: 0, endMs: Math.floor(durationMs), text: escapeVttText(title) }]);
}

/** Cue text as a viewer reads it: tags removed, entities decoded, lines joined. */
export function plainCueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lrm;|&rlm;/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * How much of the captions' wording the transcript contains: the share of the captions' three-word
 * sequences that also occur in the transcript. Single words prove nothing (two films on stigma share most
 * of them); runs of three rarely match by chance, yet survive a transcript's own line breaks and speaker
 * names. 1 when the captions are too short to judge.
 */
export function transcriptCoverage(captionTexts: readonly string[], transcript: string): number {
  const captionWords = words(captionTexts.map(plainCueText).join(' '));
  if (captionWords.length < 3) return 1;
  const transcriptTriples = new Set(triples(words(transcript)));
  const captionTriples = triples(captionWords);
  const found = captionTriples.filter((triple) => transcriptTriples.has(triple)).length;
  return found / captionTriples.length;
}

/** Below this share the transcript is reported as possibly belonging to another film. */
export const TRANSCRIPT_COVERAGE_WARNING = 0.5;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/['’‘]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function triples(list: readonly string[]): string[] {
  const result: string[] = [];
  for (let index = 0; index + 2 < list.length; index += 1) result.push(`${list[index]} ${list[index + 1]} ${list[index + 2]}`);
  return result;
}

/** SubRip: a number on its own line, then "00:00:01,000 --> 00:00:02,000". */
function looksLikeSubRip(source: string): boolean {
  return /^\s*\d+\r?\n\d{2}:\d{2}:\d{2},\d{3} --> /.test(source.replace(/^\uFEFF/, ''));
}

/** m:ss, with tenths when the time is not a whole second (the rules are about seconds, the cues are not). */
function clock(ms: number): string {
  const tenths = Math.floor((ms % 1000) / 100);
  return ms % 1000 === 0 ? formatClock(ms) : `${formatClock(ms)}.${tenths}`;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
