// Delimited text as LMSs export it: Moodle's tab-separated download (PHP's fputcsv: quotes doubled, quoted fields may
// hold the delimiter or line breaks), its activity completion download (every field quoted) and other LMSs' comma or
// semicolon CSV. csv-parse does the reading, one record at a time; this file only chooses its settings and the
// delimiter, and turns the parser's error codes into a sentence a person can act on.
import { parse } from 'csv-parse';
import type { Readable } from 'node:stream';

/** Records from a text (or UTF-8 byte) stream; a byte-order mark and blank lines are skipped, ragged rows allowed. */
export function delimitedRecords(input: Readable, delimiter: string): AsyncIterable<string[]> & { destroy(): void } {
  return input.pipe(parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true }));
}

/** The delimiter a header line uses: tab, then semicolon, then comma, whichever it has most of. */
export function guessDelimiter(headerLine: string): string {
  const counts = ['\t', ';', ','].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : '\t';
}

/** What a csv-parse error means for the person who gave the file, with the line it happened on. */
export function describeParseError(error: { code?: string; lines?: number; message: string }): string {
  const where = typeof error.lines === 'number' ? `line ${error.lines}: ` : '';
  switch (error.code) {
    case 'CSV_INVALID_OPENING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `${where}a quote mark in the middle of a field, which delimited text does not allow`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'INVALID_CLOSING_QUOTE':
      return `${where}text after a closing quote mark, which delimited text does not allow`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${where}a quoted field that never ends (a missing closing quote mark)`;
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return `${where}a row with a different number of fields from the header`;
    default:
      return `${where}${error.message.replace(/\s+/g, ' ').slice(0, 160)}`;
  }
}
