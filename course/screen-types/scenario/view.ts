// The scenario screen: a chunk of its own with its section's text, prefetched as the likely next screen.
import type { ScreenTypeView } from '../screen-type-view.ts';

export const scenarioView: ScreenTypeView<'scenario'> = {
  load: () => import('./ScenarioScreen.tsx').then((m) => m.ScenarioScreen),
  waitsFor: 'section',
  prefetch: true,
};
