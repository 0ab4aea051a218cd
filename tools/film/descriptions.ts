// The text audio-description track: what is on screen, for learners who cannot see it.
// The film shows only title cards, so describing a card means reading out its text.
import type { TitleCard } from './film-script.ts';
import { plainSpaces } from './text-wrap.ts';
import { escapeVttText, type VttCue } from './vtt.ts';

export interface DescribedScene {
  card: TitleCard;
  startMs: number;
  endMs: number;
}

/**
 * Describes one card in plain sentences. The first description also says what the cards look
 * like and reads the footer, which stays the same on every card and need not be repeated.
 */
export function describeCard(card: TitleCard, options: { first: boolean; footer: string }): string {
  const parts: string[] = [];
  if (options.first) parts.push('A blue title card with white text.');
  parts.push(`Title card: ${asSentence(card.heading)}`);
  if (card.body.length > 0) parts.push(card.body.map(asSentence).join(' '));
  if (options.first) parts.push(`Along the bottom of every card: ${asSentence(options.footer.replace(/\s*·\s*/g, ', '))}`);
  return plainSpaces(parts.join(' '));
}

/** One description cue per scene, spanning the scene, so a screen reader announces it as the card appears. */
export function buildDescriptionCues(scenes: readonly DescribedScene[], footer: string): VttCue[] {
  return scenes.map((scene, index) => ({
    id: `description-${index + 1}`,
    startMs: scene.startMs,
    endMs: scene.endMs,
    text: escapeVttText(describeCard(scene.card, { first: index === 0, footer })),
  }));
}

/** Ends a fragment with a full stop unless it already ends a sentence, so a screen reader pauses. */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]["”’)]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
