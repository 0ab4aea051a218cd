// What a screen type's saved tier (course/screen-types/<type>/saved.ts) holds: what of the learner's state its screens
// keep, as places in the saved-state layout (course/runtime/state/course-layout.ts), and its part of each section's
// structure tag. The layout walks the registry (saved.ts) and names no type. This tier travels with the state codec:
// it imports nothing from the player or Preact.
import type { Question } from '../model/types.ts';
import type { LayingOut, QuestionLayout } from '../runtime/state/course-layout.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';

export interface ScreenTypeSaved<T extends ScreenType> {
  /** Adds what one of its screens keeps to its section's layout, in screen order. */
  lay?(screen: ScreenOf<T>, at: LayingOut): void;
  /** Adds what the section keeps because it holds such a screen, once its screens are laid out (in registry order). */
  closeSection?(at: LayingOut): void;
  /**
   * Its part of a section's structure tag: what the saved indices of its kind of state point into, so an edit that
   * moves them restarts the section instead of restoring onto something else. Asked for every section, whether or
   * not it holds the type's screens, in the type's place in STRUCTURE_ORDER (saved.ts); undefined leaves the place
   * out.
   */
  structure?(section: LayingOut): unknown;
}

/** A question's place in its section's layout (the "q" slot the film's and the checks' questions share). */
export function questionLayout(question: Question, checkId: string | null): QuestionLayout {
  return { id: question.id, optionIds: question.options.map((option) => option.id), checkId };
}
