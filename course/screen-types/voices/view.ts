// The voices screen: a chunk of its own with its section's text, prefetched as the likely next screen.
import type { ScreenTypeView } from '../screen-type-view.ts';

export const voicesView: ScreenTypeView<'voices'> = {
  load: () => import('./VoicesScreen.tsx').then((m) => m.VoicesScreen),
  waitsFor: 'section',
  prefetch: true,
};
