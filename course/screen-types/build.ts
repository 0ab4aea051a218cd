// The build tier's registry: one line per screen type, in the order of the schema's screen union (npm run
// generate-types joins the types' schema pieces in this order, and SCREEN_TYPES follows it). The course checkers walk
// it instead of naming types. Node only: the player never imports it.
import type { Course } from '../model/types.ts';
import { pointerOf } from '../../build/course/problems.ts';
import type { ScreenType } from './screen-type.ts';
import type { PlacedScreen, ScreenTypeBuild } from './screen-type-build.ts';
import { welcomeBuild } from './welcome/build.ts';
import { filmBuild } from './film/build.ts';
import { voicesBuild } from './voices/build.ts';
import { scenarioBuild } from './scenario/build.ts';
import { knowledgeCheckBuild } from './knowledge-check/build.ts';
import { reflectionBuild } from './reflection/build.ts';
import { confidenceBuild } from './confidence/build.ts';
import { summaryBuild } from './summary/build.ts';

export type * from './screen-type-build.ts';

export const SCREEN_TYPE_BUILDS: { readonly [T in ScreenType]: ScreenTypeBuild<T> } = {
  welcome: welcomeBuild,
  film: filmBuild,
  voices: voicesBuild,
  scenario: scenarioBuild,
  'knowledge-check': knowledgeCheckBuild,
  reflection: reflectionBuild,
  confidence: confidenceBuild,
  summary: summaryBuild,
};

/** The build part of a screen's type. */
export function screenTypeBuild(type: ScreenType): ScreenTypeBuild<ScreenType> {
  return SCREEN_TYPE_BUILDS[type] as ScreenTypeBuild<ScreenType>;
}

/** Every screen of the course with its JSON pointer, in course order. */
export function placedScreens(course: Course): PlacedScreen<ScreenType>[] {
  return course.sections.flatMap((section, s) => section.screens.map((screen, i) => ({ screen, pointer: pointerOf(['sections', s, 'screens', i]) })));
}

/**
 * One value per screen type, in the registry's order: `use` gets the type's build part and the course's screens of
 * that type, in course order (a type with no screen in the course still gets its turn, with none).
 */
export function perScreenType<R>(course: Course, use: (build: ScreenTypeBuild<ScreenType>, screens: PlacedScreen<ScreenType>[], type: ScreenType) => R): R[] {
  const screens = placedScreens(course);
  return (Object.keys(SCREEN_TYPE_BUILDS) as ScreenType[]).map((type) => use(screenTypeBuild(type), screens.filter(({ screen }) => screen.type === type), type));
}
