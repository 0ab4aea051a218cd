// The summary speaks of the whole course, so it waits for every part of it. A chunk of its own, prefetched as the
// likely next screen.
import type { ScreenTypeView } from '../view.ts';

export const summaryView: ScreenTypeView<'summary'> = {
  load: () => import('./SummaryScreen.tsx').then((m) => m.SummaryScreen),
  waitsFor: 'course',
  prefetch: true,
};
