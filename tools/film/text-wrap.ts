// Line wrapping shared by the title cards and the caption cues.

/**
 * The words of a text, split on ordinary whitespace. A no-break space (U+00A0) does not split,
 * so the script can keep a name such as "Time to Change" together on one line.
 */
export function splitWords(text: string): string[] {
  return text.split(/[ \t\n\r\f\v]+/).filter((word) => word.length > 0);
}

/** The text with no-break spaces made ordinary, for prose where line breaks are the reader's business. */
export function plainSpaces(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

/** Length in characters as a reader sees them (code points, so "’" and "—" count once). */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * Words a line should not end on: they lean on the word after them (articles, short prepositions,
 * conjunctions), so a break after them splits a phrase. Subtitle style guides ask for breaks at
 * natural points, which this and the clause bonus below approximate.
 */
const LEANING_WORDS = new Set(['a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'and', 'or', 'but', 'my', 'your', 'our', 'their', 'his', 'her']);
const LEANING_WORD_PENALTY = 400;
const CLAUSE_END_BONUS = 300;

/** Extra cost of breaking a line after this word (negative: a good place to break). */
export function breakCost(lastWordOfLine: string): number {
  if (/[,;:—–]$/.test(lastWordOfLine)) return -CLAUSE_END_BONUS;
  return LEANING_WORDS.has(lastWordOfLine.toLowerCase()) ? LEANING_WORD_PENALTY : 0;
}

/**
 * Wraps text into the fewest lines of at most maxChars characters, then evens the lines out.
 * A greedy wrap often leaves one short word alone on the last line; on a card or a caption a
 * balanced pair of lines reads better. Among balanced layouts it prefers breaks after a clause
 * and avoids breaks after words such as "a" or "the". Returns null when one word alone is longer
 * than maxChars.
 */
export function wrapBalanced(text: string, maxChars: number): string[] | null {
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new RangeError(`maxChars must be a positive integer, got ${maxChars}`);
  const words = splitWords(text);
  if (words.length === 0) return [];
  const lengths = words.map(charCount);
  if (lengths.some((length) => length > maxChars)) return null;

  const lineCount = greedyLineCount(lengths, maxChars);
  // lineLength(i, j): characters of words i..j-1 joined by single spaces.
  const prefix = [0];
  for (const length of lengths) prefix.push(prefix[prefix.length - 1]! + length);
  const lineLength = (from: number, to: number): number => prefix[to]! - prefix[from]! + (to - from - 1);

  // best[lines][end]: least cost (squared slack plus break costs) laying out words 0..end-1 in exactly `lines` lines.
  const n = words.length;
  const best: number[][] = [];
  const cut: number[][] = [];
  for (let lines = 0; lines <= lineCount; lines++) {
    best.push(new Array<number>(n + 1).fill(Infinity));
    cut.push(new Array<number>(n + 1).fill(-1));
  }
  best[0]![0] = 0;
  for (let lines = 1; lines <= lineCount; lines++) {
    for (let end = 1; end <= n; end++) {
      for (let start = end - 1; start >= 0; start--) {
        const length = lineLength(start, end);
        if (length > maxChars) break;
        const before = best[lines - 1]![start]!;
        if (before === Infinity) continue;
        const cost = before + (maxChars - length) ** 2 + (end < n ? breakCost(words[end - 1]!) : 0);
        // Strict "<" keeps the first cut found on ties (the shorter last line), so output is stable.
        if (cost < best[lines]![end]!) {
          best[lines]![end] = cost;
          cut[lines]![end] = start;
        }
      }
    }
  }

  const result: string[] = [];
  let end = n;
  for (let lines = lineCount; lines > 0; lines--) {
    const start = cut[lines]![end]!;
    result.unshift(words.slice(start, end).join(' '));
    end = start;
  }
  return result;
}

/** How many lines a greedy first-fit wrap needs: the fewest possible for this width. */
function greedyLineCount(lengths: number[], maxChars: number): number {
  let lines = 1;
  let current = -1;
  for (const length of lengths) {
    if (current + 1 + length <= maxChars) {
      current += 1 + length;
    } else {
      lines++;
      current = length;
    }
  }
  return current < 0 ? 0 : lines;
}
