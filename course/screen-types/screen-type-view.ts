// What a screen type's view tier (`<type>/view.ts`) says: how the player's frame loads and shows its screens.
// Registered once per type in view.ts. In the first screen's chunk, so an entry is a few lines.
import type { ComponentType } from 'preact';
import type { ScreenOf, ScreenType } from './screen-type.ts';

/** A screen type's component, given the screen from the course data. */
export type ScreenComponent<T extends ScreenType> = ComponentType<{ screen: ScreenOf<T> }>;

/** How the frame loads and shows the screens of one type. */
export type ScreenTypeView<T extends ScreenType> = {
  /** Shown done in the section menu only once the course is complete, not as soon as the screen is done. */
  tickedOnceCourseComplete?: true;
} & (
  /** In the first screen's chunk, and its text in the course's shell (config.js): drawn at once. */
  | { component: ScreenComponent<T> }
  | {
      /** Fetches the component, a chunk of its own, when a screen of the type is first shown or prefetched. */
      load: () => Promise<ScreenComponent<T>>;
      /** The course text it waits for: its own section's part, or every part (app/course-parts.ts). */
      waitsFor: 'section' | 'course';
      /** Fetched while the learner reads the screen before it, as the likely next screen. */
      prefetch: boolean;
    }
);
