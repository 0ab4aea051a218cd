// How the film generator runs ffmpeg, ffprobe and espeak-ng (the swap-film tool has its own in swap-*.ts). Every call
// passes arguments as an array (no shell), and every output is written with ffmpeg's bit-exact flags, so a rerun with
// the same tool versions gives the same bytes.
import { spawn } from 'node:child_process';
import { access } from 'node:fs/promises';

export const INSTALL_HINT = 'install with: apt-get install ffmpeg espeak-ng';
export const FONT_HINT = 'install with: apt-get install fonts-dejavu-core';

/** Flags that keep version strings, dates and other variable metadata out of ffmpeg's output files. */
const BITEXACT = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a program to completion; rejects with its stderr when it fails. */
export function run(command: string, args: readonly string[], input?: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(`${command} was not found (${INSTALL_HINT})`) : error);
    });
    child.on('close', (code) => {
      const result = { stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') };
      if (code === 0) resolve(result);
      else reject(new Error(`${command} exited with code ${code}:\n${result.stderr.trim().split('\n').slice(-12).join('\n')}`));
    });
    child.stdin.end(input ?? '');
  });
}

/** Fails early, naming every missing program and font, before any work is done. */
export async function requireTools(fontFiles: readonly string[]): Promise<void> {
  const missing: string[] = [];
  for (const [program, versionFlag] of [['ffmpeg', '-version'], ['ffprobe', '-version'], ['espeak-ng', '--version']] as const) {
    try {
      await run(program, [versionFlag]);
    } catch {
      missing.push(program);
    }
  }
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`missing ${missing.join(', ')} (${INSTALL_HINT})`);
  for (const font of fontFiles) {
    try {
      await access(font);
    } catch {
      problems.push(`missing font ${font} (${FONT_HINT})`);
    }
  }
  if (problems.length > 0) throw new Error(`cannot make the film:\n  ${problems.join('\n  ')}`);
}

/** Tool versions, recorded in the report because byte-identical output holds only for the same versions. */
export async function toolVersions(): Promise<string[]> {
  const first = (text: string): string => text.split('\n')[0]!.trim();
  return [first((await run('ffmpeg', ['-version'])).stdout), first((await run('espeak-ng', ['--version'])).stdout)];
}

/** Speaks text to a mono 16-bit WAV file. Text goes in on stdin, so nothing in it is read as an option. */
export async function speak(text: string, voice: string, wordsPerMinute: number, outFile: string): Promise<void> {
  await run('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '-b', '1', '-w', outFile], text);
}

/** A media file's duration in seconds, as ffprobe reports the container's. */
export async function probeDurationSeconds(file: string): Promise<number> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=noprint_wrappers=1:nokey=1', file]);
  const seconds = Number(stdout.trim());
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`ffprobe gave no duration for ${file}: "${stdout.trim()}"`);
  return seconds;
}

export interface StreamFacts {
  codec: string;
  /** Video: pixel format; audio: sample format. */
  format?: string;
  frames?: number;
  width?: number;
  height?: number;
  sampleRate?: number;
}

/** Codec facts of each stream, to check the encode came out as planned. */
export async function probeStreams(file: string): Promise<{ video: StreamFacts; audio: StreamFacts }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-of', 'json', file]);
  const streams = (JSON.parse(stdout) as { streams: Record<string, unknown>[] }).streams;
  const pick = (type: string): StreamFacts => {
    const stream = streams.find((candidate) => candidate.codec_type === type);
    if (!stream) throw new Error(`${file} has no ${type} stream`);
    const facts: StreamFacts = { codec: String(stream.codec_name) };
    if (stream.pix_fmt !== undefined) facts.format = String(stream.pix_fmt);
    if (stream.nb_read_frames !== undefined) facts.frames = Number(stream.nb_read_frames);
    if (stream.width !== undefined) facts.width = Number(stream.width);
    if (stream.height !== undefined) facts.height = Number(stream.height);
    if (stream.sample_rate !== undefined) facts.sampleRate = Number(stream.sample_rate);
    return facts;
  };
  return { video: pick('video'), audio: pick('audio') };
}

/** Draws one title card as a PNG: a lavfi colour source with the card's filters applied. */
export async function renderCard(source: string, filter: string, outFile: string): Promise<void> {
  await run('ffmpeg', ['-y', '-v', 'error', '-f', 'lavfi', '-i', source, '-vf', filter, '-frames:v', '1', ...BITEXACT, outFile]);
}

export interface InkBounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Bounding box of the bright pixels (the white text) of an image, from ffmpeg's bbox filter,
 * so the generator can prove no text runs into the margins. Null when nothing is bright.
 */
export async function inkBounds(imageFile: string): Promise<InkBounds | null> {
  // NHS blue is about 76 in grey; white text is 255. 128 catches the text, not its anti-aliased fringe.
  const { stderr } = await run('ffmpeg', ['-v', 'info', '-i', imageFile, '-vf', 'format=gray,bbox=min_val=128', '-frames:v', '1', '-f', 'null', '-']);
  const match = /x1:(\d+) x2:(\d+) y1:(\d+) y2:(\d+)/.exec(stderr);
  if (!match) return null;
  return { x1: Number(match[1]), x2: Number(match[2]), y1: Number(match[3]), y2: Number(match[4]) };
}

export interface EncodeOptions {
  /** Card images in order, each held for a whole number of frames. */
  cards: readonly { file: string; frames: number }[];
  narrationFile: string;
  framesPerSecond: number;
  /** x264 constant rate factor: higher is smaller. Title cards stay crisp well above the default 23. */
  crf: number;
  audioBitrate: string;
  outFile: string;
}

/**
 * Encodes the film in one pass: the cards concatenated (each trimmed to an exact frame count),
 * converted to BT.709 yuv420p and tagged so browsers show NHS blue as NHS blue, with a keyframe at
 * every scene start so chapter jumps land cleanly; the narration as mono AAC; moov atom first.
 */
export async function encodeFilm(options: EncodeOptions): Promise<void> {
  const { cards, framesPerSecond: fps } = options;
  const inputs = cards.flatMap((card) => ['-loop', '1', '-framerate', String(fps), '-i', card.file]);
  const trims = cards.map((card, index) => `[${index}:v]trim=end_frame=${card.frames},setpts=PTS-STARTPTS[v${index}]`);
  const concat = `${cards.map((_, index) => `[v${index}]`).join('')}concat=n=${cards.length}:v=1:a=0,scale=out_color_matrix=bt709:out_range=tv,format=yuv420p[video]`;
  const sceneStartFrames: number[] = [];
  let frame = 0;
  for (const card of cards) {
    sceneStartFrames.push(frame);
    frame += card.frames;
  }
  const keyframes = `expr:${sceneStartFrames.map((start) => `eq(n,${start})`).join('+')}`;
  await run('ffmpeg', [
    '-y', '-v', 'error',
    ...inputs,
    '-i', options.narrationFile,
    '-filter_complex', [...trims, concat].join(';'),
    '-map', '[video]', '-map', `${cards.length}:a`,
    '-c:v', 'libx264', '-preset', 'veryslow', '-tune', 'stillimage', '-crf', String(options.crf),
    // Level 3.1 (720p) keeps the stream playable on older phones' hardware decoders; x264 limits its references to fit.
    '-profile:v', 'high', '-level:v', '3.1', '-r', String(fps),
    // A keyframe at least every 10 s keeps seeking quick; P-frames of a still card cost a few bytes.
    '-g', String(fps * 10), '-force_key_frames', keyframes,
    '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv',
    '-c:a', 'aac', '-b:a', options.audioBitrate, '-ac', '1',
    '-metadata:s:a:0', 'language=eng',
    '-movflags', '+faststart',
    ...BITEXACT,
    options.outFile,
  ]);
}

/**
 * Writes the poster: the first card reduced to a small palette (it is two colours plus their
 * anti-aliasing blend), which makes the PNG a fraction of its true-colour size with no visible change.
 */
export async function makePoster(cardFile: string, outFile: string): Promise<void> {
  await run('ffmpeg', [
    '-y', '-v', 'error', '-i', cardFile,
    '-vf', 'split[a][b];[a]palettegen=max_colors=32:reserve_transparent=0:stats_mode=full[palette];[b][palette]paletteuse=dither=none',
    '-frames:v', '1', '-pred', 'mixed', '-compression_level', '9',
    ...BITEXACT,
    outFile,
  ]);
}
