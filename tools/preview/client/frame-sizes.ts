// The course frame sizes the LMS page offers (issue 15.8): the sizes real LMSs give a course, so a tester sees what a
// learner in that LMS sees. Also the sizes the player's browser tests lay the course out in
// (tests/course/player/course-in-frame.ts), so the preview and the tests mean the same frames. Served to the LMS page
// as a client module, so no imports.

export type FrameSizeId = 'full' | 'medium' | 'small' | 'moodle';

export interface FrameSize {
  id: FrameSizeId;
  /** What the tester picks from. */
  label: string;
  /** CSS px; null: the frame fills the course pane. */
  width: number | null;
  height: number | null;
}

export const FRAME_SIZES: readonly FrameSize[] = [
  { id: 'full', label: 'Full size (fills the course pane)', width: null, height: null },
  { id: 'medium', label: '1024 × 768 (a common LMS pop-up window)', width: 1024, height: 768 },
  { id: 'small', label: '800 × 600 (a small LMS frame or pop-up)', width: 800, height: 600 },
  { id: 'moodle', label: 'Moodle’s player, 650 × 666 (course structure shown beside it)', width: 650, height: 666 },
];

export const DEFAULT_FRAME_SIZE: FrameSizeId = 'full';

/** The size by id; an unknown id (a hand-edited ?frame=) is the full size. */
export function frameSizeById(id: string | null): FrameSize {
  return FRAME_SIZES.find((size) => size.id === id) ?? FRAME_SIZES.find((size) => size.id === DEFAULT_FRAME_SIZE)!;
}

/** A fixed size's width and height (the sizes tests lay the course out in); throws for the full size. */
export function fixedFrameSize(id: Exclude<FrameSizeId, 'full'>): { width: number; height: number } {
  const { width, height } = frameSizeById(id);
  if (width === null || height === null) throw new Error(`frame size "${id}" has no fixed size`);
  return { width, height };
}
