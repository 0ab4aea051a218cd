// The reflection screen's build tier: its prompts' ids (reported to the LMS), their length limits within the
// course's, and its words and written reflections in the time estimate.
import type { ScreenTypeBuild } from '../screen-type-build.ts';
import { wordsIn } from '../../../build/course/content/word-count.ts';

export const reflectionBuild: ScreenTypeBuild<'reflection'> = {
  schema: new URL('./schema.json', import.meta.url),
  screenIds: (screen, pointer) => screen.prompts.map((prompt, index) => ({ id: prompt.id, kind: 'reflection prompt', pointer: `${pointer}/prompts/${index}/id` })),
  crossCheck: (course, screens) => {
    const limit = course.limits.reflectionMaxLength;
    return screens.flatMap(({ screen, pointer }) =>
      screen.prompts.flatMap((prompt, index) =>
        prompt.maxLength <= limit
          ? []
          : [
              {
                pointer: `${pointer}/prompts/${index}/maxLength`,
                message: `maxLength ${prompt.maxLength} is above the course's limits.reflectionMaxLength (${limit})`,
                allowed: `a whole number from 1 to ${limit}`,
              },
            ],
      ),
    );
  },
  screenTime: (_course, screen) => ({ words: wordsIn(screen.privacyNote?.private, ...screen.prompts.flatMap((p) => [p.prompt, p.hint])), decisions: 0, reflections: screen.prompts.length }),
};
