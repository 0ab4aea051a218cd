// Delimited text as LMSs export it: Moodle's tab-separated download (PHP's fputcsv: quotes doubled, quoted fields may
// hold the delimiter or line breaks) and other LMSs' comma or semicolon CSV. csv-parse does the reading, one record
// at a time; this file only chooses its settings and the delimiter.
import { parse } from 'csv-parse';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Records from a byte or text stream; a byte-order mark and blank lines are skipped, ragged rows allowed. */
export function delimitedRecords(input: Readable, delimiter: string): AsyncIterable<string[]> & { destroy(): void } {
  return input.pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true }));
}

/** The delimiter a header line uses: tab, then semicolon, then comma, whichever it has most of. */
export function guessDelimiter(headerLine: string): string {
  const counts = ['\t', ';', ','].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : '\t';
}

/** The first line of a file (up to 64 KB), to tell its delimiter. */
export async function firstLineOf(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  } finally {
    await handle.close();
  }
}
