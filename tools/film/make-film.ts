// Generates the stand-in film and its text tracks from tools/film/script.json.
//
//   npm run make-film [-- --out <dir>] [--keep-work]
//
// Needs ffmpeg, ffprobe, espeak-ng and the DejaVu fonts (apt-get install ffmpeg espeak-ng
// fonts-dejavu-core) only to regenerate: the output in course/content/media/film/ is committed.
// Steps: speak each sentence -> measure it -> plan the timeline in samples -> one narration track
// -> one PNG per card (checked to stay inside the safe area) -> one H.264/AAC encode -> poster ->
// captions, chapters, descriptions, transcript and film.json, all from the same timeline.
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, type OptionValues } from '../cli/command-line.ts';
import { CommandError, runMain } from '../cli/run-command.ts';

import { buildCaptionCues, DEFAULT_CAPTION_LIMITS, splitSentences } from './captions.ts';
import { CARD_LAYOUT, layoutCard } from './card-layout.ts';
import { buildCardFilter, cardSource, type CardLook } from './card-filter.ts';
import { buildChapterCues, buildChapters, type TimedScene } from './chapters.ts';
import { buildDescriptionCues } from './descriptions.ts';
import { buildFilmManifest } from './film-manifest.ts';
import { parseFilmScript } from './film-script.ts';
import {
  encodeFilm, inkBounds, makePoster, probeDurationSeconds, probeStreams, renderCard, requireTools, speak, toolVersions,
} from './media-tools.ts';
import { assembleNarration } from './narration-track.ts';
import { planTimeline, samplesToFrames, samplesToMs, type SpokenSentence, type TimingOptions } from './timeline.ts';
import { buildTranscript } from './transcript.ts';
import { checkVtt, formatClock, serialiseVtt } from './vtt.ts';
import { encodeWav, parseWav, type PcmAudio } from './wav.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const SCRIPT_FILE = path.join(repoRoot, 'tools/film/script.json');
const DEFAULT_OUT = path.join(repoRoot, 'course/content/media/film');
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';

/** Output file names: the course data refers to these. */
const OUTPUT_FILES = {
  film: 'common-ground-film.mp4',
  poster: 'poster.png',
  captions: 'captions.en-GB.vtt',
  chapters: 'chapters.vtt',
  descriptions: 'descriptions.en-GB.vtt',
  transcript: 'transcript.txt',
  manifest: 'film.json',
} as const;

const LOOK: CardLook = {
  background: '#005EB8', // NHS blue; white on it is about 6.4:1, above WCAG AA's 4.5:1 for any text size
  foreground: '#FFFFFF',
  fonts: {
    heading: `${FONT_DIR}/DejaVuSans-Bold.ttf`,
    body: `${FONT_DIR}/DejaVuSans.ttf`,
    footer: `${FONT_DIR}/DejaVuSans.ttf`,
  },
};

const TIMING: Omit<TimingOptions, 'sampleRate'> = {
  framesPerSecond: 10, // still cards: 10 fps costs almost nothing and puts scene boundaries on 0.1 s
  leadInSeconds: 0.5,
  sentenceGapSeconds: 0.3,
  tailSeconds: 1.0,
};

const ENCODING = { crf: 28, audioBitrate: '48k' };
const CAPTION_LINGER_MS = 800;

export const MAKE_FILM_COMMAND = defineCommand({
  name: 'make-film',
  invocation: 'npm run make-film --',
  usage: ['[--out <dir>] [--keep-work]'],
  summary:
    'Regenerates the stand-in film and its captions, chapters, descriptions, transcript and film.json from\n' +
    'tools/film/script.json (needs ffmpeg, ffprobe, espeak-ng and fonts-dejavu-core). The committed output is in\n' +
    'course/content/media/film/; nothing there changes until everything is made and checked.',
  options: {
    out: { type: 'string', value: '<dir>', help: 'where the files go (default: course/content/media/film)' },
    'keep-work': { type: 'boolean', help: 'keep the work folder (the spoken WAVs and card PNGs) and say where it is' },
  },
});

async function main(values: OptionValues<typeof MAKE_FILM_COMMAND>): Promise<void> {
  const outDir = path.resolve(values.out ?? DEFAULT_OUT);

  const outInfo = await stat(outDir).catch(() => undefined);
  if (outInfo && !outInfo.isDirectory()) throw new CommandError(`--out ${outDir} is a file, not a folder`);
  // Missing tools, a broken script and text that does not fit are the person's to fix: one line each, no stack trace.
  await requireTools(Object.values(LOOK.fonts)).catch((error: Error) => {
    throw new CommandError(error.message.split('\n'));
  });
  let script;
  try {
    script = parseFilmScript(JSON.parse(await readFile(SCRIPT_FILE, 'utf8')));
  } catch (error) {
    throw new CommandError(`${path.relative(process.cwd(), SCRIPT_FILE)}: ${(error as Error).message}`);
  }
  const work = await mkdtemp(path.join(tmpdir(), 'common-ground-film-'));
  try {
    // 1. Narration, one sentence at a time, so captions can follow each sentence's real timing.
    const spoken: SpokenSentence[][] = [];
    const audio: PcmAudio[][] = [];
    let sampleRate: number | undefined;
    for (const [sceneIndex, scene] of script.scenes.entries()) {
      const sentences = splitSentences(scene.narration);
      spoken.push([]);
      audio.push([]);
      // The lived-experience accounts have a voice of their own; their first caption names the speaker.
      const voice = scene.speaker ? script.otherVoices![scene.speaker.voice]! : script.voice;
      for (const [sentenceIndex, text] of sentences.entries()) {
        const wavFile = path.join(work, `speech-${sceneIndex + 1}-${sentenceIndex + 1}.wav`);
        await speak(text, voice.name, voice.wordsPerMinute, wavFile);
        const pcm = parseWav(await readFile(wavFile));
        const probedSeconds = await probeDurationSeconds(wavFile);
        // The two measures must agree; the sample count is the exact one and is what gets used.
        if (Math.abs(probedSeconds * pcm.sampleRate - pcm.samples.length) > 1) {
          throw new Error(`${wavFile}: ffprobe says ${probedSeconds} s but the file holds ${pcm.samples.length} samples at ${pcm.sampleRate} Hz`);
        }
        sampleRate ??= pcm.sampleRate;
        const shown = scene.speaker && sentenceIndex === 0 ? `[${scene.speaker.label}] ${text}` : text;
        spoken[sceneIndex]!.push({ text: shown, samples: pcm.samples.length });
        audio[sceneIndex]!.push(pcm);
      }
    }
    if (sampleRate === undefined) throw new Error('the script has no narration');

    // 2. The timeline everything else is cut from.
    const timeline = planTimeline(spoken, { ...TIMING, sampleRate });
    const narrationFile = path.join(work, 'narration.wav');
    await writeFile(narrationFile, encodeWav(assembleNarration(timeline, audio)));
    const ms = (samples: number): number => samplesToMs(samples, sampleRate);
    const timedScenes: TimedScene[] = script.scenes.map((scene, index) => ({
      id: scene.id,
      ...(scene.chapter !== undefined ? { chapter: scene.chapter } : {}),
      startMs: ms(timeline.scenes[index]!.startSample),
      endMs: ms(timeline.scenes[index]!.endSample),
    }));
    const plannedMs = ms(timeline.totalSamples);

    // 3. Cards, each checked to keep its text inside the safe area.
    const cards: { file: string; frames: number }[] = [];
    for (const [index, scene] of script.scenes.entries()) {
      const cardFile = path.join(work, `card-${index + 1}.png`);
      const plan = layoutCard(scene.card, script.footer, CARD_LAYOUT);
      await renderCard(cardSource(CARD_LAYOUT, LOOK), buildCardFilter(plan, CARD_LAYOUT, LOOK), cardFile);
      await assertInsideSafeArea(cardFile, scene.id);
      const span = timeline.scenes[index]!;
      cards.push({ file: cardFile, frames: samplesToFrames(span.endSample - span.startSample, sampleRate, TIMING.framesPerSecond) });
    }

    // 4. The film and its poster.
    const filmFile = path.join(work, OUTPUT_FILES.film);
    await encodeFilm({ cards, narrationFile, framesPerSecond: TIMING.framesPerSecond, ...ENCODING, outFile: filmFile });
    const posterFile = path.join(work, OUTPUT_FILES.poster);
    await makePoster(cards[0]!.file, posterFile);
    const durationSeconds = await probeDurationSeconds(filmFile);
    await assertEncodedAsPlanned(filmFile, cards, durationSeconds, plannedMs);

    // 5. Text tracks and documents, from the same timeline.
    const chapters = buildChapters(timedScenes);
    const captionsVtt = serialiseVtt(buildCaptionCues(timeline, { lingerMs: CAPTION_LINGER_MS, limits: DEFAULT_CAPTION_LIMITS }));
    const chaptersVtt = serialiseVtt(buildChapterCues(chapters));
    const descriptionsVtt = serialiseVtt(
      buildDescriptionCues(script.scenes.map((scene, index) => ({ card: scene.card, startMs: timedScenes[index]!.startMs, endMs: timedScenes[index]!.endMs })), script.footer),
    );
    const problems = [
      ...checkVtt(captionsVtt, { durationMs: plannedMs, maxLineChars: DEFAULT_CAPTION_LIMITS.maxLineChars, maxLines: DEFAULT_CAPTION_LIMITS.maxLines }).map((p) => `captions: ${p}`),
      ...checkVtt(chaptersVtt, { durationMs: plannedMs }).map((p) => `chapters: ${p}`),
      ...checkVtt(descriptionsVtt, { durationMs: plannedMs }).map((p) => `descriptions: ${p}`),
    ];
    if (problems.length > 0) throw new CommandError(['the text tracks made from tools/film/script.json are not valid:', ...problems.map((problem) => `  ${problem}`)]);
    const transcript = buildTranscript({ title: script.title, durationMs: plannedMs, chapters, scenes: script.scenes });
    const manifest = buildFilmManifest(durationSeconds, chapters, timedScenes);

    // 6. Only now, with everything made and checked, replace the committed files.
    await mkdir(outDir, { recursive: true });
    await copyFile(filmFile, path.join(outDir, OUTPUT_FILES.film));
    await copyFile(posterFile, path.join(outDir, OUTPUT_FILES.poster));
    await writeFile(path.join(outDir, OUTPUT_FILES.captions), captionsVtt);
    await writeFile(path.join(outDir, OUTPUT_FILES.chapters), chaptersVtt);
    await writeFile(path.join(outDir, OUTPUT_FILES.descriptions), descriptionsVtt);
    await writeFile(path.join(outDir, OUTPUT_FILES.transcript), transcript);
    await writeFile(path.join(outDir, OUTPUT_FILES.manifest), JSON.stringify(manifest, null, 2) + '\n');

    await printSummary(outDir, durationSeconds, chapters, timedScenes);
    if (values['keep-work']) console.log(`work files kept in ${work}`);
  } finally {
    if (!values['keep-work']) await rm(work, { recursive: true, force: true });
  }
}

async function assertInsideSafeArea(cardFile: string, sceneId: string): Promise<void> {
  const ink = await inkBounds(cardFile);
  if (!ink) throw new CommandError(`card "${sceneId}" rendered no text (is the font usable?)`);
  const { width, height, marginX, marginY } = CARD_LAYOUT;
  // A glyph's left side bearing can put a pixel or two of ink just left of the pen position.
  const LEFT_OVERHANG = 4;
  if (ink.x1 < marginX - LEFT_OVERHANG || ink.x2 > width - marginX || ink.y1 < marginY || ink.y2 > height - marginY) {
    throw new CommandError(
      `card "${sceneId}": text reaches (${ink.x1},${ink.y1})-(${ink.x2},${ink.y2}), outside the safe area ` +
        `(${marginX},${marginY})-(${width - marginX},${height - marginY}); shorten its text or lower maxChars in card-layout.ts`,
    );
  }
}

async function assertEncodedAsPlanned(filmFile: string, cards: readonly { frames: number }[], durationSeconds: number, plannedMs: number): Promise<void> {
  const { video, audio } = await probeStreams(filmFile);
  const plannedFrames = cards.reduce((sum, card) => sum + card.frames, 0);
  const problems: string[] = [];
  if (video.codec !== 'h264' || video.format !== 'yuv420p') problems.push(`video is ${video.codec}/${video.format}, expected h264/yuv420p`);
  if (video.frames !== plannedFrames) problems.push(`video has ${video.frames} frames, planned ${plannedFrames}`);
  if (video.width !== CARD_LAYOUT.width || video.height !== CARD_LAYOUT.height) problems.push(`video is ${video.width}x${video.height}`);
  if (audio.codec !== 'aac') problems.push(`audio is ${audio.codec}, expected aac`);
  // AAC works in 1,024-sample frames, so the container may run up to one audio frame past the plan.
  if (Math.abs(durationSeconds * 1000 - plannedMs) > 100) problems.push(`duration ${durationSeconds} s, planned ${plannedMs / 1000} s`);
  if (problems.length > 0) throw new Error(`${filmFile} is not as planned:\n  ${problems.join('\n  ')}`);
}

async function printSummary(outDir: string, durationSeconds: number, chapters: ReturnType<typeof buildChapters>, scenes: readonly TimedScene[]): Promise<void> {
  console.log(`Film written to ${path.relative(process.cwd(), outDir) || '.'}`);
  for (const name of Object.values(OUTPUT_FILES)) {
    const { size } = await stat(path.join(outDir, name));
    console.log(`  ${name.padEnd(26)} ${(size / 1024).toFixed(1).padStart(8)} KB`);
  }
  console.log(`Duration ${durationSeconds.toFixed(3)} s (${formatClock(durationSeconds * 1000)})`);
  console.log('Chapters:');
  for (const chapter of chapters) console.log(`  ${formatClock(chapter.startMs)}-${formatClock(chapter.endMs)}  ${chapter.title}`);
  console.log(`Scene boundaries (s): ${scenes.slice(1).map((scene) => (scene.startMs / 1000).toFixed(1)).join(', ')}`);
  console.log(`Tools: ${(await toolVersions()).join('; ')}`);
}

runMain(MAKE_FILM_COMMAND, ({ values }) => main(values));
