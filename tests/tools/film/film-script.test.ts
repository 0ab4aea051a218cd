import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFilmScript, type FilmScript } from '../../../tools/film/film-script.ts';
import { layoutCard } from '../../../tools/film/card-layout.ts';
import { chunkSentence, splitSentences } from '../../../tools/film/captions.ts';
import { splitWords } from '../../../tools/film/text-wrap.ts';

const scriptUrl = new URL('../../../tools/film/script.json', import.meta.url);
const valid = (): Record<string, unknown> => ({
  title: 'T',
  language: 'en-GB',
  voice: { name: 'en-gb', wordsPerMinute: 160 },
  footer: 'F',
  scenes: [{ id: 'one', chapter: 'C', card: { heading: 'H', body: ['B'] }, narration: 'N.' }],
});

describe('parseFilmScript', () => {
  it('accepts a well-formed script', () => {
    expect(parseFilmScript(valid()).scenes[0]!.id).toBe('one');
  });

  it('lists every problem at once', () => {
    const data = valid();
    data.language = 'English';
    data.voice = { name: 'en-gb', wordsPerMinute: 1000 };
    data.scenes = [
      { id: 'one', card: { heading: 'H', body: ['B'] }, narration: 'N.' },
      { id: 'one', chapter: '', card: { heading: '', body: [] }, narration: ' ' },
      { id: 'Bad Id', card: { heading: 'H', body: [3] }, narration: 'N.' },
    ];
    let message = '';
    try {
      parseFilmScript(data);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const expected of [
      'language: a BCP 47 tag',
      'voice: { name, wordsPerMinute (80..450) }',
      'scenes[0].chapter: the first scene must start a chapter',
      'scenes[1].id: "one" is used twice',
      'scenes[1].chapter: must be a non-empty string',
      'scenes[1].narration: a non-empty string is required',
      'scenes[1].card: { heading, body: [paragraph, ...] } is required',
      'scenes[2].id: lower-case letters',
      'scenes[2].card:',
    ]) {
      expect(message).toContain(expected);
    }
  });

  it('refuses non-objects and empty scene lists', () => {
    expect(() => parseFilmScript([])).toThrow(/expected a JSON object/);
    expect(() => parseFilmScript({ ...valid(), scenes: [] })).toThrow(/scenes: a non-empty array/);
  });
});

describe('the committed script (tools/film/script.json)', () => {
  const script: FilmScript = parseFilmScript(JSON.parse(readFileSync(scriptUrl, 'utf8')));

  it('has 8 to 12 scenes in 4 to 6 chapters', () => {
    expect(script.scenes.length).toBeGreaterThanOrEqual(8);
    expect(script.scenes.length).toBeLessThanOrEqual(12);
    const chapters = script.scenes.filter((scene) => scene.chapter !== undefined);
    expect(chapters.length).toBeGreaterThanOrEqual(4);
    expect(chapters.length).toBeLessThanOrEqual(6);
  });

  it('says on the first card, and in its narration, that this is a stand-in film', () => {
    const first = script.scenes[0]!;
    expect([first.card.heading, ...first.card.body].join(' ')).toMatch(/stand-in film/);
    expect(first.narration).toMatch(/stand-in film/);
  });

  it('covers the ground the brief asks for', () => {
    const all = script.scenes.map((scene) => `${scene.card.heading} ${scene.card.body.join(' ')} ${scene.narration}`).join(' ').toLowerCase();
    for (const topic of ['one in three', 'diagnostic overshadowing', 'language', 'risk', 'eye contact', 'extra minutes', 'wait', 'their own experience', 'dialogue', 'supervision']) {
      expect(all).toContain(topic);
    }
  });

  it('lays out every card and captions every sentence within the limits', () => {
    for (const scene of script.scenes) {
      expect(() => layoutCard(scene.card, script.footer)).not.toThrow();
      for (const sentence of splitSentences(scene.narration)) expect(() => chunkSentence(sentence)).not.toThrow();
    }
  });

  it('has two to three minutes of speech at the chosen speeds', () => {
    const minutes = script.scenes.reduce((sum, scene) => {
      const voice = scene.speaker ? script.otherVoices![scene.speaker.voice]! : script.voice;
      return sum + splitWords(scene.narration).length / voice.wordsPerMinute;
    }, 0);
    expect(minutes).toBeGreaterThan(1.4);
    expect(minutes).toBeLessThan(3);
  });

  it('gives the lived-experience accounts a second voice, each card saying it was written for this course', () => {
    const voiced = script.scenes.filter((scene) => scene.speaker !== undefined);
    expect(voiced.length).toBeGreaterThanOrEqual(2);
    for (const scene of voiced) {
      expect(script.otherVoices?.[scene.speaker!.voice]?.name).not.toBe(script.voice.name);
      expect(scene.card.body.join(' ')).toMatch(/Written for this course: not a real person/);
    }
    // Both points of view: someone who uses services, and a member of staff with their own experience.
    expect(voiced.some((scene) => /uses mental health services/.test(scene.card.body.join(' ')))).toBe(true);
    expect(voiced.some((scene) => /nurse/.test(scene.card.body.join(' ')))).toBe(true);
  });
});
