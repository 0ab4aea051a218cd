// The reflection screen waits for the whole course: a reflection's room is worked out from all of the course's prose
// (logic/reflection-budget.ts). A chunk of its own, prefetched as the likely next screen.
import type { ScreenTypeView } from '../screen-type-view.ts';

export const reflectionView: ScreenTypeView<'reflection'> = {
  load: () => import('./ReflectionScreen.tsx').then((m) => m.ReflectionScreen),
  waitsFor: 'course',
  prefetch: true,
};
