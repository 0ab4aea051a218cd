// The swap command: its arguments (no ffmpeg needed), then whole swaps into a temporary copy of course/ with a
// 12-second test clip made by ffmpeg's lavfi sources. Those need ffmpeg and are skipped, saying so, without it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSwapArgs, swapFilm, type SwapLog, type SwapOptions } from '../../../tools/film/swap-film.ts';
import { runs, toolAvailable } from '../../support/tools.ts';
import { isFastStart, pngSize, readTopLevelBoxes } from '../../../tools/film/swap-output-check.ts';

const realCourse = fileURLToPath(new URL('../../../course/', import.meta.url));

describe('parseSwapArgs', () => {
  it('reads every option, resolving paths against the current folder', () => {
    const parsed = parseSwapArgs(
      ['--video', 'in/film.mov', '--captions', 'in/c.vtt', '--captions-lang', 'cy', '--captions-label', ' Cymraeg ', '--chapters', 'in/ch.vtt', '--descriptions', '/abs/d.vtt',
        '--transcript', 'in/t.txt', '--poster-at', '12.5', '--title', ' Our film ', '--course', 'elsewhere/course', '--dry-run'],
      '/home/trust',
    );
    expect(parsed).toEqual({
      options: {
        video: '/home/trust/in/film.mov', captions: '/home/trust/in/c.vtt', captionsLang: 'cy', captionsLabel: 'Cymraeg', chapters: '/home/trust/in/ch.vtt',
        descriptions: '/abs/d.vtt', transcript: '/home/trust/in/t.txt', posterAt: 12.5, title: 'Our film', courseDir: '/home/trust/elsewhere/course', dryRun: true,
      },
    });
  });

  it('defaults to en-GB captions, the repository course and a real run', () => {
    const parsed = parseSwapArgs(['--video', 'f.mp4', '--captions', 'c.vtt'], '/x');
    expect(parsed).toMatchObject({ options: { captionsLang: 'en-GB', courseDir: resolve(realCourse), dryRun: false, posterAt: undefined, transcript: undefined, title: undefined } });
  });

  it('says what is wrong with the command line', () => {
    expect(parseSwapArgs(['--captions', 'c.vtt'])).toEqual({ problem: 'missing --video' });
    expect(parseSwapArgs([])).toEqual({ problem: 'missing --video and --captions' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', '--poster-at', 'ten'])).toEqual({ problem: '--poster-at must be a number of seconds, got "ten"' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', '--title', '  '])).toEqual({ problem: '--title must not be empty' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', '--subtitles', 's.vtt'])).toEqual({ problem: 'unknown option --subtitles' });
    expect(parseSwapArgs(['--video', 'f', '--captions', 'c', 'extra'])).toEqual({ problem: expect.stringContaining('"extra"') });
    expect(parseSwapArgs(['--help'])).toEqual({ problem: '' });
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
  // What the tool could write in the real course; the rest of course/ is other people's to edit meanwhile.
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

  const options = (overrides: Partial<SwapOptions> = {}): SwapOptions => ({
    video: clip, captions, captionsLang: 'en-GB', captionsLabel: undefined, chapters: undefined, descriptions: undefined, transcript,
    posterAt: undefined, title: undefined, courseDir, dryRun: false, ...overrides,
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

  it('encodes the rendition and poster, installs the tracks, updates the course data and reports the cue points to move', async () => {
    const courseJsonBefore = readFileSync(join(courseDir, 'course.json'), 'utf8');
    const log = collectingLog();
    const result = await swapFilm(options(), log);
    const filmDir = join(courseDir, 'media', 'film');

    // The cue points at 45 s and 95 s are past the 12-second film: swapped, but the course needs edits (bad input: 1).
    expect(result.exitCode).toBe(1);
    expect(result.courseProblems).toEqual([
      ...(JSON.parse(readFileSync(join(realCourse, 'course.json'), 'utf8')) as { film: { cuePoints: { id: string; at: number }[] } }).film.cuePoints.map((cue, i) => expect.stringContaining(`/film/cuePoints/${i}/at: cue point "${cue.id}" at ${cue.at} s is not before the end of the film`)),
    ]);

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
    expect(beforeLines.filter((line) => !afterLines.includes(line))).toEqual([`    "durationSeconds": ${before.film.durationSeconds},`, '    "descriptions": "media/film/descriptions.en-GB.vtt",']);
    expect(afterLines.filter((line) => !beforeLines.includes(line))).toEqual([`    "durationSeconds": ${Math.round(duration * 1000) / 1000},`]);
    expect(courseJsonAfter.endsWith('}\n')).toBe(true);

    expect(log.text()).toContain('Rendition: H.264 high@4.0 yuv420p 1280x720 at 25 fps');
    expect(log.text()).toContain('The film is swapped, but the course data now has 2 problems');
  });

  it('on a dry run from the same video, keeps the tracks supplied with it and changes nothing', async () => {
    const before = snapshot(courseDir);
    const log = collectingLog();
    const result = await swapFilm(options({ transcript: undefined, dryRun: true, posterAt: 6 }), log);
    expect(result.exitCode).toBe(0);
    expect(log.lines).toContain('Note: transcript: keeping media/film/transcript.txt, supplied with this same video last time');
    expect(log.lines).toContain('Poster: frame at 6 s, 1280x720 PNG');
    expect(log.text()).toContain('Dry run: all checks passed; nothing was changed.');
    expect(snapshot(courseDir)).toEqual(before);
  });
});
