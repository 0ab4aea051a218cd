// The course's own words must not offer audio description the film does not have. A film swapped in without a
// descriptions track (npm run swap-film) leaves words such as "You can turn on captions or audio description"
// on the film screen; a learner who relies on description would look for a control that is not there.
import type { Course } from '../../../course/model/types.ts';
import type { CourseProblem } from '../problems.ts';
import { learnerTexts } from './learner-text.ts';

type Problem = Omit<CourseProblem, 'file'>;

const MENTION = /audio[ -]?descri(?:ption|bed)/gi;
/** Words just before a mention that say the film lacks it ("no audio description", "without audio description"). */
const NEGATION = /\b(?:no|without|not|lacks?|n't)\b[^.!?]{0,20}$/i;

/** Where a text offers audio description (not where it says there is none). */
export function offersAudioDescription(text: string): boolean {
  for (const match of text.matchAll(MENTION)) {
    if (!NEGATION.test(text.slice(Math.max(0, match.index - 40), match.index))) return true;
  }
  return false;
}

export function checkAudioDescriptionOffers(course: Course): Problem[] {
  if (course.film.descriptions !== undefined) return [];
  return learnerTexts(course)
    .filter(({ text }) => offersAudioDescription(text))
    .map(({ pointer }) => ({
      pointer,
      message: 'offers audio description, but the film has none (film.descriptions is not set)',
      allowed:
        'words that promise only what the film has, e.g. "The film has no audio description; the transcript describes everything shown on screen", ' +
        'or a descriptions track for the film (npm run swap-film -- --descriptions <file.vtt> …)',
    }));
}
