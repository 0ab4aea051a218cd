// The plain-text transcript: chapter headings with start times, each card's text, and the narration.
import type { Chapter } from './chapters.ts';
import type { TitleCard } from './film-script.ts';
import { asSentence } from './descriptions.ts';
import { plainSpaces } from './text-wrap.ts';
import { formatClock } from './vtt.ts';

export interface TranscriptScene {
  id: string;
  card: TitleCard;
  narration: string;
  /** Who speaks, when not the narrator. */
  speaker?: { label: string };
}

export interface TranscriptInput {
  title: string;
  durationMs: number;
  chapters: readonly Chapter[];
  /** Every scene of the film, in order; chapters refer to them by id. */
  scenes: readonly TranscriptScene[];
}

/**
 * Paragraphs separated by blank lines, so a transcript panel can show it as it is. On-screen text
 * comes first in square brackets, as it appears before the narrator speaks.
 */
export function buildTranscript(input: TranscriptInput): string {
  const byId = new Map(input.scenes.map((scene) => [scene.id, scene]));
  const paragraphs: string[] = [
    input.title,
    `Transcript. Running time ${formatClock(input.durationMs)}.`,
    'The film is a series of blue title cards with white text, read by a narrator and, for the accounts written for this course, a second voice. ' +
      'The text of each card is given in square brackets, followed by who speaks and what they say.',
  ];
  input.chapters.forEach((chapter, index) => {
    paragraphs.push(`Chapter ${index + 1}: ${chapter.title} (${formatClock(chapter.startMs)})`);
    for (const id of chapter.sceneIds) {
      const scene = byId.get(id);
      if (!scene) throw new RangeError(`chapter "${chapter.title}" names an unknown scene "${id}"`);
      paragraphs.push(`[On screen: ${[scene.card.heading, ...scene.card.body].map(asSentence).join(' ')}]`);
      paragraphs.push(`${scene.speaker ? `${scene.speaker.label} (second voice)` : 'Narrator'}: ${scene.narration.trim()}`);
    }
  });
  return plainSpaces(paragraphs.join('\n\n')) + '\n';
}
