// The film's script (tools/film/script.json): its shape, and a check that names what is wrong.

export interface FilmScript {
  title: string;
  /** BCP 47 tag of the narration and captions, e.g. "en-GB". */
  language: string;
  /** The narrator's voice. */
  voice: Voice;
  /** Further voices by id, for scenes with a `speaker` (the lived-experience accounts). */
  otherVoices?: Record<string, Voice>;
  /** Small line at the foot of every card. */
  footer: string;
  scenes: FilmScene[];
}

export interface Voice {
  /** An espeak-ng voice, e.g. "en-gb" or "en-gb+f3" (a variant). */
  name: string;
  wordsPerMinute: number;
}

export interface FilmScene {
  id: string;
  /**
   * Who speaks, when not the narrator: a voice of `otherVoices` and the name the captions and transcript give them.
   * The first caption of the scene starts with "[label]" so a deaf viewer knows the voice has changed.
   */
  speaker?: { voice: string; label: string };
  /** Set on the scene that starts a chapter; the chapter runs until the next one starts. */
  chapter?: string;
  card: TitleCard;
  /** What the narrator says; also the caption and transcript text. */
  narration: string;
}

export interface TitleCard {
  heading: string;
  /** Paragraphs under the heading; each is wrapped to the card's width. */
  body: string[];
}

/** Validates parsed JSON as a FilmScript; throws one error listing every problem found. */
export function parseFilmScript(data: unknown): FilmScript {
  const problems: string[] = [];
  const need = (ok: boolean, message: string): void => {
    if (!ok) problems.push(message);
  };
  const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

  if (!isRecord(data)) throw new Error('film script: expected a JSON object');
  need(isText(data.title), 'title: a non-empty string is required');
  need(isText(data.language) && /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(data.language as string), 'language: a BCP 47 tag such as "en-GB" is required');
  need(isText(data.footer), 'footer: a non-empty string is required');
  const voice = data.voice;
  const isVoice = (value: unknown): boolean =>
    isRecord(value) && isText(value.name) && typeof value.wordsPerMinute === 'number' && value.wordsPerMinute >= 80 && value.wordsPerMinute <= 450;
  need(isVoice(voice), 'voice: { name, wordsPerMinute (80..450) } is required');
  const others = data.otherVoices;
  need(others === undefined || (isRecord(others) && Object.values(others).every(isVoice)), 'otherVoices: { id: { name, wordsPerMinute (80..450) } } when present');

  const scenes = data.scenes;
  if (!Array.isArray(scenes) || scenes.length === 0) {
    problems.push('scenes: a non-empty array is required');
  } else {
    const ids = new Set<string>();
    scenes.forEach((scene: unknown, index) => {
      const where = `scenes[${index}]`;
      if (!isRecord(scene)) {
        problems.push(`${where}: expected an object`);
        return;
      }
      const id = scene.id;
      need(typeof id === 'string' && /^[a-z][a-z0-9-]*$/.test(id), `${where}.id: lower-case letters, digits and hyphens, starting with a letter`);
      if (typeof id === 'string') {
        need(!ids.has(id), `${where}.id: "${id}" is used twice`);
        ids.add(id);
      }
      if (index === 0) need(scene.chapter !== undefined, `${where}.chapter: the first scene must start a chapter`);
      need(scene.chapter === undefined || isText(scene.chapter), `${where}.chapter: must be a non-empty string when present`);
      need(isText(scene.narration), `${where}.narration: a non-empty string is required`);
      const speaker = scene.speaker;
      need(
        speaker === undefined || (isRecord(speaker) && isText(speaker.label) && isText(speaker.voice) && isRecord(others) && speaker.voice in others),
        `${where}.speaker: { voice (a key of otherVoices), label } when present`,
      );
      const card = scene.card;
      need(
        isRecord(card) && isText(card.heading) && Array.isArray(card.body) && card.body.every(isText),
        `${where}.card: { heading, body: [paragraph, ...] } is required`,
      );
    });
  }
  if (problems.length > 0) throw new Error(`film script is not valid:\n  ${problems.join('\n  ')}`);
  return data as unknown as FilmScript;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
