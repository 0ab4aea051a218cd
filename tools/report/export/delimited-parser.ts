// A streaming reader for delimited text (Moodle's tab-separated download, other LMSs' comma or semicolon CSV).
// Moodle writes rows with PHP's fputcsv, which puts a field in double quotes when it holds the delimiter, a quote,
// a space or a line break, and doubles quotes inside; rows end with "\n" (other tools use "\r\n"). Chunks may end
// anywhere, even inside a quoted field, so the state carries over between pushes and a row is handed on only once
// it is complete. Memory holds one row.

export class DelimitedParser {
  private field = '';
  private row: string[] = [];
  private quoted = false;
  /** A quote was just read inside a quoted field: either the closing quote or the first of a doubled pair. */
  private quotePending = false;
  /** The current field began with a quote (so it is quoted, even if empty). */
  private fieldStarted = false;
  private lastWasCr = false;
  private first = true;

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (fields: string[]) => void,
  ) {
    if (delimiter.length !== 1) throw new Error('the delimiter is one character');
  }

  push(chunk: string): void {
    let text = chunk;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // byte-order mark from spreadsheet-minded exporters
    }
    const d = this.delimiter;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.quoted) {
        if (this.quotePending) {
          this.quotePending = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.quoted = false; // that quote closed the field; read this character as unquoted
        } else if (c === '"') {
          this.quotePending = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === d) {
        this.endField();
        this.lastWasCr = false;
      } else if (c === '\n') {
        if (!this.lastWasCr) this.endRow();
        this.lastWasCr = false;
      } else if (c === '\r') {
        this.endRow();
        this.lastWasCr = true;
      } else if (c === '"' && this.field === '' && !this.fieldStarted) {
        this.quoted = true;
        this.fieldStarted = true;
        this.lastWasCr = false;
      } else {
        this.field += c;
        this.lastWasCr = false;
      }
    }
  }

  /** The input has ended: hand on a last row that had no line break after it. */
  end(): void {
    if (this.quoted && this.quotePending) this.quoted = false;
    if (this.field !== '' || this.row.length > 0 || this.fieldStarted) this.endRow();
  }

  private endField(): void {
    this.row.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRow(): void {
    this.endField();
    const row = this.row;
    this.row = [];
    // Blank lines (a lone empty field) are not rows.
    if (row.length === 1 && row[0] === '') return;
    this.onRow(row);
  }
}

/** The delimiter a header line uses: tab, then semicolon, then comma, whichever it has most of. */
export function guessDelimiter(headerLine: string): string {
  const counts = ['\t', ';', ','].map((d) => [d, headerLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : '\t';
}
