// Every user-facing command fed hostile and careless input, run as a person runs it (npm run …): each ends with exit 1
// (bad input) or 2 (a wrong command line), a few lines naming what is wrong, and never a stack trace (issue 17).
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'cg-hostile-'));
const bugs = join(work, 'bugs');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const binary = join(work, 'binary.bin');
writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)));
const aFile = join(work, 'a-file.txt');
writeFileSync(aFile, 'not a folder');

/** A copy of the course (without the film, which the checks before Vite never read whole) with one edit. */
function courseWith(name: string, edit: (course: Record<string, any>) => void, extraFiles: Record<string, string> = {}): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'course', 'content'), dir, { recursive: true });
  const course = JSON.parse(readFileSync(join(dir, 'course.json'), 'utf8')) as Record<string, any>;
  edit(course);
  writeFileSync(join(dir, 'course.json'), JSON.stringify(course, null, 2));
  for (const [path, text] of Object.entries(extraFiles)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const garbageCourse = join(work, 'garbage-course');
mkdirSync(join(garbageCourse, 'variants'), { recursive: true });
writeFileSync(join(garbageCourse, 'course.json'), Buffer.from([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]));

// Builds name an --out of their own: a build that cannot rebuild a package removes its older zip, and the repository's
// dist/packages is the developer's, not the test's.
type Case = [command: string, args: string[], exit: 1 | 2, says: RegExp];

const cases: Case[] = [
  ['build', ['--varient', 'default'], 2, /unknown option --varient \(did you mean --variant\?\)/],
  ['build', ['--standard', 'scorm3'], 2, /unknown standard scorm3/],
  ['build', ['--course', join(work, 'no-such-course'), '--out', join(work, 'out')], 1, /no-such-course\/course\.json: \/: cannot read the file: it does not exist/],
  ['build', ['--course', garbageCourse, '--out', join(work, 'out')], 1, /course\.json: \/: is not valid UTF-8 at line 1, column 4/],
  // Issue 17.1: a media path naming a generated file, and a 10 MB string (was: a stack trace from the Vite step / parse-json).
  ['build', ['--course', courseWith('config-js', (course) => (course.film.transcript = 'config.js'), { 'config.js': 'x' }), '--out', join(work, 'out')], 1, /\/film\/transcript: file "config\.js" is not in the course's media\/ folder/],
  ['build', ['--course', courseWith('manifest', (course) => (course.film.transcript = 'imsmanifest.xml'), { 'imsmanifest.xml': 'x' }), '--out', join(work, 'out')], 1, /\/film\/transcript: file "imsmanifest\.xml" is not in the course's media\/ folder/],
  ['build', ['--course', courseWith('ten-mb', (course) => (course.title = 'x'.repeat(10_000_000))), '--out', join(work, 'out')], 1, /course\.json: \/title: /],
  ['build', ['--out', aFile], 1, /cannot write .*a-file\.txt/],
  ['validate', [binary], 1, /INVALID .*binary\.bin|binary\.bin: unknown standard/],
  ['validate', [work], 1, /cannot read .*: not a file/],
  ['validate', ['x.zip', '--schemas'], 2, /--schemas needs a value/],
  ['preview', [binary], 1, /binary\.bin is refused/],
  ['preview', ['--port', 'abc'], 2, /--port must be a whole number from 0 to 65535/],
  ['preview', ['a.zip', 'b.zip'], 2, /too many arguments/],
  ['report', ['--scorm-export', binary, '--out', join(work, 'report')], 1, /binary\.bin/],
  ['report', ['--lrs', 'http://127.0.0.1:9/xAPI/', '--auth', 'a:b', '--out', join(work, 'report')], 1, /127\.0\.0\.1:9/],
  ['report', ['--scorm-export', 'x.csv', '--pass-mark', '120'], 2, /--pass-mark must be a percentage/],
  ['swap-film', ['--video', join(work, 'no.mov'), '--captions', join(work, 'no.vtt'), '--course', courseWith('swap', () => {}), '--dry-run'], 1, /no\.mov/],
  ['swap-film', ['--video', 'f.mov'], 2, /missing --captions/],
  ['conformance', ['--packages', binary], 1, /no packages in .*binary\.bin/],
  ['conformance', ['--walk', 'sideways'], 2, /--walk must be passing, failing or both/],
  ['make-film', ['--out', aFile], 1, /--out .*a-file\.txt is a file, not a folder/],
  ['make-film', ['--bogus'], 2, /unknown option --bogus/],
  ['check-course', [garbageCourse], 1, /is not valid UTF-8/],
  ['check-course', ['a', 'b', 'c'], 2, /too many arguments/],
];

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', command, '--', ...args], { cwd: ROOT, env: { ...process.env, TMPDIR: bugs }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const STACK_FRAME = /^\s*at .*(\(.*:\d+:\d+\)|:\d+:\d+)$|node:internal|^\w*Error: .*\n\s+at /m;

describe('hostile input to every command', () => {
  mkdirSync(bugs, { recursive: true });
  it.each(cases)('%s %j exits %i with a line that says what is wrong, and no stack trace', async (command, args, exit, says) => {
    // npm runs the script from the package's folder wherever it is called; the paths above are absolute.
    const { code, stdout, stderr } = await run(command, args.map((arg) => arg));
    const output = `${stdout}\n${stderr}`;
    expect(output).not.toMatch(STACK_FRAME);
    expect(output).not.toMatch(/unexpected error|This is a bug/);
    expect(output).toMatch(says);
    expect(code).toBe(exit);
    // Each line that is not a detail (indented) says which command spoke (swap-film prints a checklist of its own).
    if (command !== 'swap-film') for (const line of stderr.split('\n').filter((text) => text !== '' && !/^\s/.test(text))) expect(line.startsWith(`${command}: `), line).toBe(true);
  });
});
