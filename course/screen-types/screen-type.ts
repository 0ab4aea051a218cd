// Names every screen-type module shares. The list of screen types is the course schema's screen union
// (course/schema/course.types.ts, generated); each type is one folder here, registered once per tier (README.md).
import type { Screen } from '../model/types.ts';

/** A screen type: "welcome", "film", "scenario"… */
export type ScreenType = Screen['type'];

/** The screen of one type, as the course data holds it. */
export type ScreenOf<T extends ScreenType> = Extract<Screen, { type: T }>;
