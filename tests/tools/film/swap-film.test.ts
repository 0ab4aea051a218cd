// The swap command: its arguments (no ffmpeg needed), then whole swaps into a temporary copy of course/content/ with a
// 12-second test clip made by ffmpeg's lavfi sources. Those need ffmpeg and are skipped, saying so, without it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSwapArgs, swapFilm, SWAP_FILM_COMMAND, type SwapLog, type SwapOptions } from '../../../tools/film/swap-film.ts';
import { helpText } from '../../../tools/cli/command-line.ts';
import { AUDIO_DESCRIPTION_CRITERION, NO_AUDIO_DESCRIPTION_ISSUE } from '../../../tools/film/swap-audit.ts';
import { runs, toolAvailable } from '../../support/tools.ts';
import { checkAuditAgainstCourse, complianceStatus, loadAccessibilityAudit } from '../../../build/accessibility-audit.ts';
import type { Course } from '../../../course/model/types.ts';
import { isFastStart, pngSize, readTopLevelBoxes } from '../../../tools/film/swap-output-check.ts';

const realCourse = fileURLToPath(new URL('../../../course/content/', import.meta.url));

describe('parseSwapArgs', () => {
  it('reads every option, resolving paths against the current folder', () => {
    const parsed = parseSwapArgs(
      ['--video', 'in/film.mov', '--captions', 'in/c.vtt', '--captions-lang', 'cy', '--captions-label', ' Cymraeg ', '--chapters', 'in/ch.vtt', '--descriptions', '/abs/d.vtt',
        '--transcript', 'in/t.txt', '--poster-at', '12.5', '--title', ' Our film ', '--course', 'elsewhere/course', '--dry-run',
        '--move-cue', 'cue-a=4.5', '--move-cue', 'cue-b=0', '--scale-cues'],
      '/home/trust',
    );
    expect(parsed).toEqual({
      options: {
        video: '/home/trust/in/film.mov', captions: '/home/trust/in/c.vtt', captionsLang: 'cy', captionsLabel: 'Cymraeg', chapters: '/home/trust/in/ch.vtt',
        descriptions: '/abs/d.vtt', transcript: '/home/trust/in/t.txt', posterAt: 12.5, title: 'Our film', courseDir: '/home/trust/elsewhere/course', dryRun: true,
        cueMoves: [{ id: 'cue-a', at: 4.5 }, { id: 'cue-b', at: 0 }], scaleCues: true,
      },
    });
  });

  it('defaults to en-GB captions, the repository course and a real run', () => {
    const parsed = parseSwapArgs(['--video', 'f.mp4', '--captions', 'c.vtt'], '/x');
    expect(parsed).toMatchObject({ options: { captionsLang: 'en-GB', courseDir: resolve(realCourse), dryRun: false, posterAt: undefined, transcript: undefined, title: undefined, cueMoves: [], scaleCues: false } });
  });

  it('says what is wrong with the command line', () => {
    expect(parseSwapArgs(['--captions', 'c.vtt'])).toEqual({ problem: 'missing --video' });
    expect(parseSwapArgs([])).toEqual({ problem: 'missing --video and --captions' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', '--poster-at', 'ten'])).toEqual({ problem: '--poster-at must be a number of seconds, got "ten"' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', '--title', '  '])).toEqual({ problem: '--title must not be empty' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', '--subtitles', 's.vtt'])).toEqual({ problem: 'unknown option --subtitles' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', 'extra'])).toEqual({ problem: expect.stringContaining('"extra"') });
    expect(parseSwapArgs(['--help'])).toEqual({ problem: '' });
    const withMove = (...moves: string[]) => parseSwapArgs(['--video', 'f', '--captions', 'c', ...moves.flatMap((move) => ['--move-cue', move])]);
    expect(withMove('cue-a')).toEqual({ problem: '--move-cue takes <cue id>=<seconds>, e.g. --move-cue cue-overshadowing=42.5 (found "cue-a")' });
    expect(withMove('cue-a=soon')).toEqual({ problem: '--move-cue cue-a: "soon" is not a number of seconds from 0' });
    expect(withMove('cue-a=-3')).toEqual({ problem: '--move-cue cue-a: "-3" is not a number of seconds from 0' });
    expect(withMove('cue-a=3', 'cue-a=4')).toEqual({ problem: '--move-cue cue-a is given twice; give each cue one time' });
  });
});

describe('the README and --help agree', () => {
  const readme = readFileSync(fileURLToPath(new URL('../../../tools/film/README.md', import.meta.url)), 'utf8');
  const usage = /```sh\nnpm run swap-film -- ([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const help = helpText(SWAP_FILM_COMMAND).replace(/\s+/g, ' ');
  const flat = readme.replace(/\s+/g, ' ');

  it('the README\'s usage names every option of the command, and no other', () => {
    const inReadme = new Set([...usage.matchAll(/--([a-z-]+)/g)].map((match) => match[1]!));
    expect([...inReadme].sort()).toEqual(Object.keys(SWAP_FILM_COMMAND.options).sort());
  });

  it('both say the dry run refuses where the real run would, and what exit 1 and 2 mean', () => {
    expect(help).toMatch(/Every check runs before encoding, in a dry run too/);
    expect(help).toMatch(/WCAG 1\.2\.5 Audio Description, not met/);
    expect(flat).toMatch(/`--dry-run` runs every check the real run makes before encoding/);
    expect(flat).toMatch(/Exit code 1 means the swap was refused/);
    expect(flat).toMatch(/Exit code 2 means the command line itself was wrong/);
    expect(help).toMatch(/exit status: 0 success, 1 bad input .*, 2 usage error/);
  });
});

const ffmpegMissing = !toolAvailable('ffmpeg and ffprobe', ['ffmpeg', 'ffprobe'].every((program) => runs(program)), 'apt-get install ffmpeg');
if (ffmpegMissing) console.log('swap-film integration tests skipped: ffmpeg and ffprobe are not installed (apt-get install ffmpeg)');

/** A log that keeps every line, for asserting on what the trust is told. */
function collectingLog(): SwapLog & { lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    info: (line) => lines.push(line),
    warn: (line) => lines.push(line),
    error: (line) => lines.push(line),
    progress: () => undefined,
    text: () => lines.join('\n'),
  };
}

/** Every file under a folder with a hash of its bytes, to prove a refused swap changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const relative = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else result[relative] = createHash('sha256').update(readFileSync(join(dir, relative))).digest('hex');
    }
  };
  walk('');
  return result;
}

function ffprobeJson(file: string): { streams: Record<string, unknown>[]; format: Record<string, unknown> & { tags?: Record<string, string> } } {
  const result = spawnSync('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file], { encoding: 'utf8' });
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as ReturnType<typeof ffprobeJson>;
}

describe.skipIf(ffmpegMissing)('swapping in a film (ffmpeg)', () => {
  let root: string;
  let courseDir: string;
  let clip: string;
  let captions: string;
  let transcript: string;
  // What the tool could write in the real course; the rest of course/content/ is other people's to edit meanwhile.
  const realFilm = (): Record<string, string> => ({ ...snapshot(join(realCourse, 'media', 'film')), 'course.json': snapshot(realCourse)['course.json']! });
  const realSnapshot = ffmpegMissing ? {} : realFilm();
  const captionsText = [
    'WEBVTT',
    '',
    'NOTE supplied by the trust',
    '',
    '1',
    '00:00:00.500 --> 00:00:04.000',
    'Welcome to our film about',
    'respect in mental health care.',
    '',
    '2',
    '00:00:04.000 --> 00:00:08.000',
    '<v Nurse>Small actions make a difference.',
    '',
    '3',
    '00:00:08.000 --> 00:00:11.500',
    'Thank you for watching.',
    '',
  ].join('\n');
  const transcriptText = 'Our film\n\nWelcome to our film about respect in mental health care.\n\nNurse: Small actions make a difference.\n\nThank you for watching.\n';

  /** The film screen's words as a trust would put them for a film without audio description. */
  const offerOnlyTheTranscript = (): void => {
    const file = join(courseDir, 'course.json');
    const text = readFileSync(file, 'utf8');
    const offer = 'You can turn on captions or audio description, change the speed, jump between chapters, or read the transcript instead.';
    expect(text).toContain(offer);
    writeFileSync(file, text.replace(offer, 'You can turn on captions, change the speed, jump between chapters, or read the transcript, which describes what is shown.'));
  };

  const options = (overrides: Partial<SwapOptions> = {}): SwapOptions => ({
    video: clip, captions, captionsLang: 'en-GB', captionsLabel: undefined, chapters: undefined, descriptions: undefined, transcript,
    posterAt: undefined, title: undefined, cueMoves: [], scaleCues: false, courseDir, dryRun: false, ...overrides,
  });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'swap-film-'));
    courseDir = join(root, 'course');
    cpSync(realCourse, courseDir, { recursive: true });
    clip = join(root, 'trust-film.mp4');
    // 1600x900 at 50 fps, so the swap has to scale it down and halve the rate; tagged with a title and a
    // location, which must not reach the rendition.
    const made = spawnSync('ffmpeg', [
      '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=1600x900:rate=50:duration=12', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=12:sample_rate=48000',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-ac', '2',
      '-metadata', 'title=Internal draft 3', '-metadata', 'location=+51.5072-000.1276/', clip,
    ]);
    expect(made.status).toBe(0);
    captions = join(root, 'captions.vtt');
    writeFileSync(captions, captionsText);
    transcript = join(root, 'transcript.txt');
    writeFileSync(transcript, transcriptText);
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    // The real course was never the target.
    expect(realFilm()).toEqual(realSnapshot);
  });

  it('refuses without a transcript, since the course\'s belongs to the stand-in, and changes nothing', async () => {
    const before = snapshot(courseDir);
    const log = collectingLog();
    const result = await swapFilm(options({ transcript: undefined }), log);
    expect(result.exitCode).toBe(1);
    expect(log.text()).toMatch(/no --transcript given, and the course's transcript \(media\/film\/transcript\.txt\) belongs to the film being replaced/);
    expect(log.text()).toContain('Nothing was changed.');
    expect(snapshot(courseDir)).toEqual(before);
  });

  it('refuses captions that run past the end of the film, naming the file', async () => {
    const late = join(root, 'late.vtt');
    writeFileSync(late, `${captionsText}\n00:00:12.800 --> 00:00:14.000\nAfter the end.\n`);
    const before = snapshot(courseDir);
    const log = collectingLog();
    expect((await swapFilm(options({ captions: late }), log)).exitCode).toBe(1);
    expect(log.text()).toContain(`captions ${late}: 1 cue runs past the end of the film (0:12`);
    expect(snapshot(courseDir)).toEqual(before);
  });

  // Issue 15.7: the dry run said "all checks passed", then the real run encoded and exited 1 on cue points past the end.
  for (const dryRun of [true, false]) {
    it(`${dryRun ? 'a dry run' : 'the real run'} refuses cue points past the new end, naming each cue and the film's length, and words offering audio description, before encoding`, async () => {
      const before = snapshot(courseDir);
      const log = collectingLog();
      const result = await swapFilm(options({ dryRun }), log);
      expect(result.exitCode).toBe(1);
      const text = log.text();
      expect(text).toMatch(/The film cannot be swapped yet \(3 problems\)/);
      expect(text).toMatch(/cue point "cue-overshadowing" \(course\.json film\.cuePoints\[0\]\.at\) is at 64\.5 s, past the end of the new film, which is 12(\.\d+)? s long: a question must come at least 0\.5 s before the end; move it with --move-cue cue-overshadowing=<seconds> \(0 to 11\.\d+\), or give --scale-cues/);
      expect(text).toMatch(/cue point "cue-small-actions" \(course\.json film\.cuePoints\[1\]\.at\) is at 106\.1 s, past the end of the new film, which is 12(\.\d+)? s long/);
      expect(text).toMatch(/the new film has no audio description, but the course's own words offer it; edit .*course\.json:\n.*\/sections\/2\/screens\/0\/body: offers audio description, but the film has none/);
      expect(text).toContain('Nothing was changed.');
      expect(text).not.toContain('Encoding the rendition');
      expect(text).not.toContain('all checks passed');
      expect(snapshot(courseDir)).toEqual(before);
    });
  }

  it('checks --move-cue against the course and the new film: an unknown cue (with the nearest id), a time past the end', async () => {
    const log = collectingLog();
    const result = await swapFilm(options({ dryRun: true, cueMoves: [{ id: 'cue-overshadowin', at: 3 }, { id: 'cue-small-actions', at: 30 }] }), log);
    expect(result.exitCode).toBe(1);
    expect(log.text()).toContain('--move-cue cue-overshadowin: the course has no cue point "cue-overshadowin" (did you mean "cue-overshadowing"?); its cue points are "cue-overshadowing", "cue-small-actions"');
    expect(log.text()).toMatch(/cue point "cue-small-actions" \(course\.json film\.cuePoints\[1\]\.at\) would be at 30 s, past the end of the new film, which is 12(\.\d+)? s long: a question must come at least 0\.5 s before the end; give --move-cue cue-small-actions a time from 0 to 11\.\d+/);
  });

  it('with --scale-cues, the dry run runs the course checker on a copy of the course as it would be, and refuses a question mid-sentence', async () => {
    offerOnlyTheTranscript();
    const before = snapshot(courseDir);
    const log = collectingLog();
    const result = await swapFilm(options({ dryRun: true, scaleCues: true }), log);
    expect(result.exitCode).toBe(1);
    const courseJson = join(courseDir, 'course.json');
    expect(log.text()).toContain(`the course checker, run on a copy of the course with the new film, finds 2 problems; edit ${courseJson}`);
    // 64.5 s and 106.1 s of 171.4 s land at about 4.5 s and 7.4 s of 12 s: inside "Small actions make a difference."
    for (const [index, id] of ['cue-overshadowing', 'cue-small-actions'].entries()) {
      expect(log.text()).toMatch(new RegExp(`${courseJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: /film/cuePoints/${index}/at: cue point "${id}" at [\\d.]+ s falls inside the caption "Small actions make a difference\\." \\(4–8 s in media/film/captions\\.en-GB\\.vtt\\)`));
    }
    expect(log.text()).toContain('Nothing was changed.');
    expect(snapshot(courseDir)).toEqual(before);
  });

  it('encodes the rendition and poster, installs the tracks, moves the cue points, records the missing audio description, and leaves a valid course', async () => {
    const courseJsonBefore = readFileSync(join(courseDir, 'course.json'), 'utf8');
    const log = collectingLog();
    const result = await swapFilm(options({ cueMoves: [{ id: 'cue-overshadowing', at: 0.2 }, { id: 'cue-small-actions', at: 11.5 }] }), log);
    const filmDir = join(courseDir, 'media', 'film');

    // The cue points were moved into the caption gaps of the 12-second film: the course checker finds nothing.
    expect(result, log.text()).toEqual({ exitCode: 0, courseProblems: [] });
    expect(log.text()).toContain('The course checker finds no problems.');

    // The rendition: H.264 High at level 4.0 or below, yuv420p, scaled to 1280x720, 25 fps, AAC, 12 s, no source metadata.
    const film = join(filmDir, 'common-ground-film.mp4');
    const probed = ffprobeJson(film);
    const video = probed.streams.find((stream) => stream.codec_type === 'video')!;
    const audio = probed.streams.find((stream) => stream.codec_type === 'audio')!;
    expect(video).toMatchObject({ codec_name: 'h264', profile: 'High', pix_fmt: 'yuv420p', width: 1280, height: 720, avg_frame_rate: '25/1' });
    expect(Number(video.level)).toBeLessThanOrEqual(40);
    expect(audio).toMatchObject({ codec_name: 'aac', channels: 2 });
    const duration = Number(probed.format.duration);
    expect(Math.abs(duration - 12)).toBeLessThan(0.1);
    expect(JSON.stringify(probed.format.tags ?? {})).not.toMatch(/Internal draft|51\.5072/);

    // Faststart, by the box walk and by a plain byte search.
    expect(isFastStart(await readTopLevelBoxes(film))).toBe(true);
    const bytes = readFileSync(film);
    expect(bytes.indexOf('moov')).toBeLessThan(bytes.indexOf('mdat'));

    // The poster matches the rendition's size.
    expect(pngSize(readFileSync(join(filmDir, 'poster.png')))).toEqual({ width: 1280, height: 720 });

    // Tracks: the trust's captions and transcript as given, one generated chapter, the stand-in's descriptions gone.
    expect(readFileSync(join(filmDir, 'captions.en-GB.vtt'), 'utf8')).toBe(captionsText);
    expect(readFileSync(join(filmDir, 'transcript.txt'), 'utf8')).toBe(transcriptText);
    expect(readFileSync(join(filmDir, 'chapters.vtt'), 'utf8')).toMatch(/^WEBVTT\n\nchapter-1\n00:00:00\.000 --> 00:00:12\.\d{3}\nCommon Ground: the film\n$/);
    expect(readdirSync(filmDir).sort()).toEqual(['captions.en-GB.vtt', 'chapters.vtt', 'common-ground-film.mp4', 'film.json', 'poster.png', 'transcript.txt']);

    // film.json names the source, so a re-run from the same file can keep these tracks.
    const manifest = JSON.parse(readFileSync(join(filmDir, 'film.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toEqual({
      durationSeconds: Math.round(duration * 1000) / 1000,
      chapters: [{ title: 'Common Ground: the film', start: 0, end: Math.round(duration * 1000) / 1000 }],
      scenes: [],
      source: { file: 'trust-film.mp4', bytes: statSync(clip).size, sha256: createHash('sha256').update(readFileSync(clip)).digest('hex') },
    });

    // course.json: only the duration and the descriptions reference change, in the file's own style.
    const courseJsonAfter = readFileSync(join(courseDir, 'course.json'), 'utf8');
    const beforeLines = courseJsonBefore.split('\n');
    const afterLines = courseJsonAfter.split('\n');
    const before = JSON.parse(courseJsonBefore) as { film: { durationSeconds: number } };
    expect(beforeLines.filter((line) => !afterLines.includes(line))).toEqual([
      `    "durationSeconds": ${before.film.durationSeconds},`, '    "descriptions": "media/film/descriptions.en-GB.vtt",', '        "at": 64.5,', '        "at": 106.1,',
    ]);
    expect(afterLines.filter((line) => !beforeLines.includes(line))).toEqual([`    "durationSeconds": ${Math.round(duration * 1000) / 1000},`, '        "at": 0.2,', '        "at": 11.5,']);
    expect(courseJsonAfter.endsWith('}\n')).toBe(true);

    // The accessibility statement's record: a known issue instead of no known failures.
    const audit = await loadAccessibilityAudit(courseDir);
    expect(audit.knownIssues).toEqual([NO_AUDIO_DESCRIPTION_ISSUE]);
    expect(complianceStatus(audit)).toBe('partially');
    expect(checkAuditAgainstCourse(audit, JSON.parse(courseJsonAfter) as Course, 'audit.json')).toEqual([]);

    expect(log.text()).toContain('Rendition: H.264 high@4.0 yuv420p 1280x720 at 25 fps');
    expect(log.lines).toContain('  course.json film.cuePoints[0].at ("cue-overshadowing"): 64.5 → 0.2');
    expect(log.lines).toContain(`  accessibility/audit.json knownIssues: + WCAG ${AUDIO_DESCRIPTION_CRITERION}, not met (the film has no audio description)`);
  });

  it('on a dry run from the same video, keeps the tracks supplied with it and changes nothing', async () => {
    const before = snapshot(courseDir);
    const log = collectingLog();
    const result = await swapFilm(options({ transcript: undefined, dryRun: true, posterAt: 6 }), log);
    expect(result.exitCode).toBe(0);
    expect(log.lines).toContain('Note: transcript: keeping media/film/transcript.txt, supplied with this same video last time');
    expect(log.lines).toContain('Poster: frame at 6 s, 1280x720 PNG');
    expect(log.text()).toContain('Dry run: all checks passed; nothing was changed.');
    expect(log.lines).toContain(`Note: accessibility/audit.json knownIssues already names WCAG ${AUDIO_DESCRIPTION_CRITERION}; check its words suit the new film`);
    expect(snapshot(courseDir)).toEqual(before);
  });
});
