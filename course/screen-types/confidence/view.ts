// The confidence screen: a chunk of its own with its section's text, prefetched as the likely next screen.
import type { ScreenTypeView } from '../screen-type-view.ts';

export const confidenceView: ScreenTypeView<'confidence'> = {
  load: () => import('./ConfidenceScreen.tsx').then((m) => m.ConfidenceScreen),
  waitsFor: 'section',
  prefetch: true,
};
