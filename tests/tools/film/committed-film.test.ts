// The committed output in course/content/media/film/ must match the script and be internally consistent.
// These checks read files only; they do not need ffmpeg.
import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFilmScript } from '../../../tools/film/film-script.ts';
import { checkVtt, parseVttTimestamp } from '../../../tools/film/vtt.ts';
import { plainSpaces, splitWords } from '../../../tools/film/text-wrap.ts';
import type { FilmManifest } from '../../../tools/film/film-manifest.ts';

const filmDir = new URL('../../../course/content/media/film/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, filmDir), 'utf8');
const sizeOf = (name: string): number => statSync(new URL(name, filmDir)).size;
const script = parseFilmScript(JSON.parse(readFileSync(new URL('../../../tools/film/script.json', import.meta.url), 'utf8')));
const manifest = JSON.parse(read('film.json')) as FilmManifest;
const durationMs = Math.round(manifest.durationSeconds * 1000);

/** Cues of a WebVTT file we wrote: [startMs, endMs, text]. */
function cues(vtt: string): { startMs: number; endMs: number; text: string }[] {
  return vtt
    .trim()
    .split(/\n{2,}/)
    .slice(1)
    .map((block) => {
      const lines = block.split('\n');
      const timing = lines.findIndex((line) => line.includes('-->'));
      const [start, end] = lines[timing]!.split(' --> ');
      return { startMs: parseVttTimestamp(start!)!, endMs: parseVttTimestamp(end!)!, text: lines.slice(timing + 1).join('\n') };
    });
}

describe('committed film (course/content/media/film)', () => {
  it('is between 90 s and three minutes, and small enough to ship', () => {
    expect(manifest.durationSeconds).toBeGreaterThanOrEqual(90);
    expect(manifest.durationSeconds).toBeLessThan(180);
    expect(sizeOf('common-ground-film.mp4')).toBeLessThan(2.5 * 1024 * 1024);
    expect(sizeOf('poster.png')).toBeLessThan(100 * 1024);
  });

  it('starts with the MP4 and PNG signatures, with the moov atom before the media data (faststart)', () => {
    const mp4 = readFileSync(new URL('common-ground-film.mp4', filmDir));
    expect(mp4.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(mp4.indexOf('moov')).toBeGreaterThan(0);
    expect(mp4.indexOf('moov')).toBeLessThan(mp4.indexOf('mdat'));
    expect(readFileSync(new URL('poster.png', filmDir)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('has valid WebVTT tracks that end within the film', () => {
    expect(checkVtt(read('captions.en-GB.vtt'), { durationMs, maxLineChars: 42, maxLines: 2 })).toEqual([]);
    expect(checkVtt(read('chapters.vtt'), { durationMs })).toEqual([]);
    expect(checkVtt(read('descriptions.en-GB.vtt'), { durationMs })).toEqual([]);
  });

  it('captions say exactly the narration, in order, naming each second-voice speaker as they start', () => {
    const captions = cues(read('captions.en-GB.vtt'));
    for (const scene of script.scenes.filter((s) => s.speaker)) {
      expect(captions.some((cue) => cue.text.startsWith(`[${scene.speaker!.label}] `))).toBe(true);
    }
    const captionWords = splitWords(captions.map((cue) => cue.text.replace(/&amp;/g, '&').replace(/^\[[^\]]+\] /, '')).join(' '));
    const narrationWords = splitWords(script.scenes.map((scene) => scene.narration).join(' '));
    expect(captionWords).toEqual(narrationWords);
  });

  it('film.json, chapters.vtt and the script agree on the chapters, which cover the film end to end', () => {
    const chapterCues = cues(read('chapters.vtt'));
    expect(manifest.chapters.map((chapter) => chapter.title)).toEqual(script.scenes.flatMap((scene) => (scene.chapter ? [scene.chapter] : [])));
    expect(chapterCues.map((cue) => cue.text)).toEqual(manifest.chapters.map((chapter) => chapter.title));
    expect(chapterCues.map((cue) => [cue.startMs / 1000, cue.endMs / 1000])).toEqual(manifest.chapters.map((chapter) => [chapter.start, chapter.end]));
    expect(manifest.chapters[0]!.start).toBe(0);
    manifest.chapters.slice(1).forEach((chapter, index) => expect(chapter.start).toBe(manifest.chapters[index]!.end));
    expect(Math.abs(manifest.chapters.at(-1)!.end - manifest.durationSeconds)).toBeLessThan(0.1);
  });

  it('has one description per scene, timed like film.json scenes, reading each card', () => {
    const descriptionCues = cues(read('descriptions.en-GB.vtt'));
    expect(manifest.scenes.map((scene) => scene.id)).toEqual(script.scenes.map((scene) => scene.id));
    expect(descriptionCues.map((cue) => [cue.startMs / 1000, cue.endMs / 1000])).toEqual(manifest.scenes.map((scene) => [scene.start, scene.end]));
    descriptionCues.forEach((cue, index) => expect(cue.text).toContain(plainSpaces(script.scenes[index]!.card.heading)));
  });

  it('has a transcript with every chapter, card heading and narration', () => {
    const transcript = read('transcript.txt');
    for (const chapter of manifest.chapters) expect(transcript).toContain(`: ${chapter.title} (`);
    for (const scene of script.scenes) {
      expect(transcript).toContain(plainSpaces(scene.card.heading));
      expect(transcript).toContain(plainSpaces(scene.narration));
    }
  });
});
