// The course's sections flattened into one ordered list of screens: the single source for back/next, the section
// menu and "which section is this screen in".
import type { Course, Screen, Section } from '../../model/types.ts';

export interface ScreenEntry {
  screen: Screen;
  section: Section;
  /** Position in the whole course, from 0. */
  index: number;
  sectionIndex: number;
}

export interface CourseMap {
  entries: readonly ScreenEntry[];
  byId: ReadonlyMap<string, ScreenEntry>;
}

export function mapCourse(course: Course): CourseMap {
  const entries: ScreenEntry[] = [];
  course.sections.forEach((section, sectionIndex) => {
    for (const screen of section.screens) entries.push({ screen, section, index: entries.length, sectionIndex });
  });
  return { entries, byId: new Map(entries.map((entry) => [entry.screen.id, entry])) };
}

export function firstScreenId(map: CourseMap): string {
  const first = map.entries[0];
  if (!first) throw new Error('the course has no screens');
  return first.screen.id;
}

export function entryFor(map: CourseMap, screenId: string): ScreenEntry {
  const entry = map.byId.get(screenId);
  if (!entry) throw new Error(`no screen with id "${screenId}" in this course`);
  return entry;
}

export function nextScreenId(map: CourseMap, screenId: string): string | null {
  return map.entries[entryFor(map, screenId).index + 1]?.screen.id ?? null;
}

export function previousScreenId(map: CourseMap, screenId: string): string | null {
  const index = entryFor(map, screenId).index;
  return index > 0 ? (map.entries[index - 1]?.screen.id ?? null) : null;
}

export function screensOfType<T extends Screen['type']>(map: CourseMap, type: T): Extract<Screen, { type: T }>[] {
  return map.entries.map((entry) => entry.screen).filter((screen): screen is Extract<Screen, { type: T }> => screen.type === type);
}

export type SectionStatus = 'not-started' | 'in-progress' | 'completed';

/**
 * A section is completed when all its screens are done, and in progress once any of its screens is started (see
 * isScreenStarted) or the learner is on one of them.
 */
export function sectionStatus(section: Section, completed: ReadonlySet<string>, started: ReadonlySet<string>, location: string): SectionStatus {
  if (section.screens.every((screen) => completed.has(screen.id))) return 'completed';
  if (section.screens.some((screen) => screen.id === location || started.has(screen.id) || completed.has(screen.id))) return 'in-progress';
  return 'not-started';
}

/**
 * The screens the section menu shows as done: those completed, but a screen `tickedOnceComplete` picks (its type's
 * view says so: the summary) only once the course is complete.
 */
export function menuDoneScreens(
  sections: readonly Section[],
  completedScreens: readonly string[],
  courseCompleted: boolean,
  tickedOnceComplete: (screen: Screen) => boolean,
): Set<string> {
  const held = new Set(sections.flatMap((section) => section.screens.filter(tickedOnceComplete).map((screen) => screen.id)));
  return new Set(completedScreens.filter((id) => courseCompleted || !held.has(id)));
}

/** Share of a section's screens that are done, 0..1. */
export function sectionProgress(section: Section, completed: ReadonlySet<string>): number {
  if (section.screens.length === 0) return 1;
  return section.screens.filter((screen) => completed.has(screen.id)).length / section.screens.length;
}
