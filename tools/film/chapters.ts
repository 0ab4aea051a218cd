// Chapters: a chapter starts at the scene that names it and runs until the next one starts.
import { escapeVttText, type VttCue } from './vtt.ts';

/** A scene placed on the film's clock. */
export interface TimedScene {
  id: string;
  /** Present when this scene starts a chapter. */
  chapter?: string;
  startMs: number;
  endMs: number;
}

export interface Chapter {
  title: string;
  startMs: number;
  endMs: number;
  /** Ids of the scenes in this chapter, in order. */
  sceneIds: string[];
}

/** Groups timed scenes into chapters. The first scene must start a chapter. */
export function buildChapters(scenes: readonly TimedScene[]): Chapter[] {
  const chapters: Chapter[] = [];
  scenes.forEach((scene, index) => {
    if (index > 0 && scene.startMs !== scenes[index - 1]!.endMs) {
      throw new RangeError(`scene "${scene.id}" does not start where the scene before it ends`);
    }
    if (scene.chapter !== undefined) {
      chapters.push({ title: scene.chapter, startMs: scene.startMs, endMs: scene.endMs, sceneIds: [scene.id] });
      return;
    }
    const current = chapters[chapters.length - 1];
    if (!current) throw new RangeError(`scene "${scene.id}" comes before any chapter starts`);
    current.endMs = scene.endMs;
    current.sceneIds.push(scene.id);
  });
  return chapters;
}

/** One WebVTT cue per chapter (kind "chapters": the cue text is the chapter's title). */
export function buildChapterCues(chapters: readonly Chapter[]): VttCue[] {
  return chapters.map((chapter, index) => ({
    id: `chapter-${index + 1}`,
    startMs: chapter.startMs,
    endMs: chapter.endMs,
    text: escapeVttText(chapter.title),
  }));
}
