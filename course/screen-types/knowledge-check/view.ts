// The knowledge check: a chunk of its own with its section's text, prefetched as the likely next screen.
import type { ScreenTypeView } from '../screen-type-view.ts';

export const knowledgeCheckView: ScreenTypeView<'knowledge-check'> = {
  load: () => import('./KnowledgeCheckScreen.tsx').then((m) => m.KnowledgeCheckScreen),
  waitsFor: 'section',
  prefetch: true,
};
