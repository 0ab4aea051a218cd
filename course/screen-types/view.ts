// The view tier's registry: how the player's frame (app/ScreenView.tsx) loads and shows each screen type. It is in
// the first screen's chunk, so an entry is a few lines saying where the component comes from and what it waits for;
// the components themselves are chunks of their own, but for the welcome screen, the first screen.
import type { ComponentType } from 'preact';
import type { Screen } from '../types.ts';
import type { ScreenOf, ScreenType } from './screen-type.ts';
import { welcomeView } from './welcome/view.ts';
import { filmView } from './film/view.ts';
import { voicesView } from './voices/view.ts';
import { scenarioView } from './scenario/view.ts';
import { knowledgeCheckView } from './knowledge-check/view.ts';
import { reflectionView } from './reflection/view.ts';
import { confidenceView } from './confidence/view.ts';
import { summaryView } from './summary/view.ts';

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

export const screenViews: { [T in ScreenType]: ScreenTypeView<T> } = {
  welcome: welcomeView,
  film: filmView,
  voices: voicesView,
  scenario: scenarioView,
  'knowledge-check': knowledgeCheckView,
  reflection: reflectionView,
  confidence: confidenceView,
  summary: summaryView,
};

/** The registry as the frame reads it: by a screen of any type (each entry's component takes that type's screens). */
export const viewsByType = screenViews as Record<ScreenType, ScreenTypeView<ScreenType>>;

/** For the section menu (player/logic/course-map.ts menuDoneScreens). */
export const tickedOnceCourseComplete = (screen: Screen): boolean => !!viewsByType[screen.type].tickedOnceCourseComplete;
