// What a reflection keeps: the learner's text per prompt, in the state's reflections chunk ("r"), filed under the
// prompt's own tag rather than an index, so it has no part in the section's structure tag and survives any edit that
// keeps the prompt.
import { tag4 } from '../../runtime/state/hash.ts';
import type { ScreenTypeSaved } from '../screen-type-saved.ts';

export const reflectionSaved: ScreenTypeSaved<'reflection'> = {
  lay(screen, at) {
    for (const { id, maxLength } of screen.prompts) at.prompts.push({ id, idTag: tag4(`prompt:${id}`), maxLength, sectionId: at.section.id });
  },
};
