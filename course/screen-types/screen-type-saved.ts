// What a screen type's saved tier (course/screen-types/<type>/saved.ts) holds: what of the learner's state its screens
// keep, as places in the saved-state layout (course/runtime/state/course-layout.ts), and its part of each section's
// structure tag. The layout walks the registry (saved.ts) and names no type. This tier travels with the state codec:
// it imports nothing from the player or Preact, and types only from the runtime.
import type { Course, Question, Section } from '../types.ts';
import type { LayingOut, QuestionLayout, SectionLayout, StructureSlot } from '../runtime/state/course-layout.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';

/** A section once every screen in it has been laid out, for the parts of its structure tag. */
export interface LaidOutSection {
  course: Course;
  section: Section;
  layout: SectionLayout;
}

/**
 * The type's part of a section's structure tag: what the saved indices of its kind of state point into, so an edit
 * that moves them restarts the section instead of restoring onto something else. Each part has its place (`slot`)
 * in the tag's fixed order; `of` is asked for every section, whether or not it holds the type's screens, and says
 * what stands there (undefined: nothing, the place is left out).
 */
export interface StructurePart {
  slot: StructureSlot;
  of(section: LaidOutSection): unknown;
}

export interface ScreenTypeSaved<T extends ScreenType> {
  /** Adds what one of its screens keeps to its section's layout, in screen order. */
  lay?(screen: ScreenOf<T>, at: LayingOut): void;
  /** Adds what the section keeps because it holds one of these screens, once its screens are laid out. */
  closeSection?(at: LayingOut): void;
  structure?: StructurePart;
}

/** A question's place in its section's layout (the "q" slot the film's and the checks' questions share). */
export function questionLayout(question: Question, checkId: string | null): QuestionLayout {
  return { id: question.id, optionIds: question.options.map((option) => option.id), checkId };
}
