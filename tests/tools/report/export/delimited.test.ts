import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import { delimitedRecords, guessDelimiter } from '../../../../tools/report/export/delimited.ts';

async function read(text: string, delimiter = '\t', chunk = text.length): Promise<string[][]> {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));
  const rows: string[][] = [];
  for await (const row of delimitedRecords(Readable.from(chunks.map((part) => Buffer.from(part))), delimiter)) rows.push(row);
  return rows;
}

describe('delimitedRecords', () => {
  const moodle = 'Name\t"Email address"\tAttempt\n"Jo Bloggs"\tjo@example.org\t1\n"Said ""Sid"" Ali"\t"a\tb"\t2\n';
  const expected = [
    ['Name', 'Email address', 'Attempt'],
    ['Jo Bloggs', 'jo@example.org', '1'],
    ['Said "Sid" Ali', 'a\tb', '2'],
  ];

  it("reads PHP fputcsv output as Moodle writes it: quoted fields, doubled quotes, delimiters inside quotes", async () => {
    expect(await read(moodle)).toEqual(expected);
  });

  it('gives the same rows whatever the chunk boundaries', async () => {
    for (const size of [1, 3, 7, 13]) expect(await read(moodle, '\t', size)).toEqual(expected);
  });

  it('handles CRLF, a byte-order mark, line breaks inside quotes, empty fields, blank lines and a last row without a newline', async () => {
    expect(await read('\ufeffa,b,c\r\n"x\r\ny",,\r\n\r\n1,2,3', ',')).toEqual([
      ['a', 'b', 'c'],
      ['x\r\ny', '', ''],
      ['1', '2', '3'],
    ]);
  });
});

describe('guessDelimiter', () => {
  it('takes whichever of tab, semicolon and comma the header has most of, tab when none', () => {
    expect(guessDelimiter('a\tb\tc')).toBe('\t');
    expect(guessDelimiter('a;b;c,d')).toBe(';');
    expect(guessDelimiter('a,b,c')).toBe(',');
    expect(guessDelimiter('single')).toBe('\t');
  });
});
