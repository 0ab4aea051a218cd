// The welcome screen's build tier: its schema piece, and its words in the time estimate (it shows the course's
// description and learning outcomes besides its own). It declares no ids and has no checks of its own.
import type { ScreenTypeBuild } from '../screen-type-build.ts';
import { wordsIn } from '../../../build/course/content/word-count.ts';

export const welcomeBuild: ScreenTypeBuild<'welcome'> = {
  schema: new URL('./schema.json', import.meta.url),
  screenTime: (course, screen) => ({
    words: wordsIn(course.description, ...course.outcomes.map((o) => o.text), ...screen.activities, screen.privacyNote.private, screen.trackingNote),
    decisions: 0,
    reflections: 0,
  }),
};
