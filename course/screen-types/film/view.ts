// The film screen and video.js are separate chunks, asked for at once to save a round trip on a slow network. It is
// never prefetched: video.js is the largest download in the course, fetched only when the film is actually opened.
import type { ScreenTypeView } from '../screen-type-view.ts';

export const filmView: ScreenTypeView<'film'> = {
  load: () => Promise.all([import('./FilmScreen.tsx'), import('./video-player.ts')]).then(([m]) => m.FilmScreen),
  waitsFor: 'section',
  prefetch: false,
};
