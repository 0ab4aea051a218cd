// The voices screen's build tier: a quoted voice (a real person's words) names the source it was published in, its
// text is set apart in bench:readability (not ours to simplify), and its words count in the time estimate.
import type { ScreenTypeBuild } from '../screen-type-build.ts';
import { wordsIn } from '../../../build/course/content/word-count.ts';

export const voicesBuild: ScreenTypeBuild<'voices'> = {
  schema: new URL('./schema.json', import.meta.url),
  sources: (_course, screens) =>
    screens.flatMap(({ screen, pointer }) =>
      screen.voices.flatMap((voice, v) =>
        voice.kind === 'quoted' && (voice.sources?.length ?? 0) === 0
          ? [
              {
                pointer: `${pointer}/voices/${v}/sources`,
                message: `the quoted voice "${voice.id}" names no source`,
                allowed: 'a real person\'s words need the source they were published in; words written for the course are "kind": "composite"',
              },
            ]
          : [],
      ),
    ),
  quotedTexts: (screens) => screens.flatMap(({ screen, pointer }) => screen.voices.flatMap((voice, v) => (voice.kind === 'quoted' ? [`${pointer}/voices/${v}/text`] : []))),
  screenTime: (_course, screen) => ({ words: wordsIn(...screen.voices.flatMap((voice) => [voice.speaker, voice.text])), decisions: 0, reflections: 0 }),
};
