// The view tier's registry: how the player's frame (app/ScreenView.tsx) loads and shows each screen type. It is in
// the first screen's chunk, so an entry is a few lines saying where the component comes from and what it waits for;
// the components themselves are chunks of their own, but for the welcome screen, the first screen.
import type { Screen } from '../model/types.ts';
import type { ScreenType } from './screen-type.ts';
import type { ScreenTypeView } from './screen-type-view.ts';
import { welcomeView } from './welcome/view.ts';
import { filmView } from './film/view.ts';
import { voicesView } from './voices/view.ts';
import { scenarioView } from './scenario/view.ts';
import { knowledgeCheckView } from './knowledge-check/view.ts';
import { reflectionView } from './reflection/view.ts';
import { confidenceView } from './confidence/view.ts';
import { summaryView } from './summary/view.ts';

export type { ScreenComponent, ScreenTypeView } from './screen-type-view.ts';

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
