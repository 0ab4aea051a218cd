// The summary speaks of the whole course, so it waits for every part of it. A chunk of its own, prefetched as the
// likely next screen. It counts as done on a visit (its completion rule asks the learner to reach it), but a tick
// beside "Summary" in the section menu would tell a learner who has not finished that they have: it is ticked only
// once the course is complete.
import type { ScreenTypeView } from '../screen-type-view.ts';

export const summaryView: ScreenTypeView<'summary'> = {
  load: () => import('./SummaryScreen.tsx').then((m) => m.SummaryScreen),
  waitsFor: 'course',
  prefetch: true,
  tickedOnceCourseComplete: true,
};
