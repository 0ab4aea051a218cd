// Picks the component for a screen. Only the welcome screen is part of the first load; every other screen is a chunk
// of its own, fetched when it is first shown (the film screen together with video.js), with its section's part of the
// course data (app/course-parts.ts), so the first screen stays within its payload budget wherever the learner resumes.
import type { ComponentType } from 'preact';
import type { Screen } from '../../model/types.ts';
import { usePlayer } from './player-context.ts';
import { loadLazy, useLazy, withNeeded } from './use-lazy.ts';
import { WelcomeScreen } from '../screens/WelcomeScreen.tsx';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { entryFor } from '../logic/course-map.ts';
import { coursePartsOf } from './course-parts.ts';

type LazyType = Exclude<Screen['type'], 'welcome'>;
type AnyScreenComponent = ComponentType<{ screen: never }>;

const loaders: Record<LazyType, () => Promise<AnyScreenComponent>> = {
  // The screen and video.js are separate chunks; asking for both at once saves a round trip on a slow network.
  film: () => Promise.all([import('../film/FilmScreen.tsx'), import('../film/video-player.ts')]).then(([m]) => m.FilmScreen),
  scenario: () => import('../screens/ScenarioScreen.tsx').then((m) => m.ScenarioScreen),
  'knowledge-check': () => import('../screens/KnowledgeCheckScreen.tsx').then((m) => m.KnowledgeCheckScreen),
  reflection: () => import('../screens/ReflectionScreen.tsx').then((m) => m.ReflectionScreen),
  voices: () => import('../screens/VoicesScreen.tsx').then((m) => m.VoicesScreen),
  confidence: () => import('../screens/ConfidenceScreen.tsx').then((m) => m.ConfidenceScreen),
  summary: () => import('../screens/SummaryScreen.tsx').then((m) => m.SummaryScreen),
};

/**
 * Fetches the chunk of the screen the learner will probably see next, while they read this one. Not the film: video.js
 * is the largest download in the course and is fetched only when the film screen is actually opened.
 */
export function prefetchScreen(screen: Screen): void {
  if (screen.type === 'welcome' || screen.type === 'film') return;
  void loadLazy(`screen:${screen.type}`, loaders[screen.type]).catch(() => undefined);
}

export function ScreenView({ screen }: { screen: Screen }) {
  if (screen.type === 'welcome') return <WelcomeScreen screen={screen} />;
  // Keyed by screen id: two screens of one type (two scenarios) never share component state.
  return <LazyScreen key={screen.id} screen={screen} type={screen.type} />;
}

function LazyScreen({ screen, type }: { screen: Screen; type: LazyType }) {
  const { t, session } = usePlayer();
  const state = useLazy(`screen:${type}`, loaders[type]);
  // The screen's text comes with its section's part. The summary speaks of the whole course, and a reflection's
  // room is worked out from the whole course's prose (logic/reflection-budget.ts), so those two wait for all of it.
  const parts = coursePartsOf(session.config);
  const sectionIndex = entryFor(session.map, screen.id).sectionIndex;
  const needsAll = type === 'summary' || type === 'reflection';
  const whole = useLazy(needsAll ? 'course:all' : `course:section-${sectionIndex}`, () =>
    (needsAll ? parts.all() : parts.section(sectionIndex)).then(() => true),
  );
  const loaded = withNeeded(state, whole);
  if (loaded.kind === 'ready') {
    const Component = loaded.component as ComponentType<{ screen: Screen }>;
    return <Component screen={screen} />;
  }
  if (loaded.kind === 'failed') return <LoadProblem retry={loaded.retry} />;
  return <p class="secondary-text">{t.app.screenLoading}</p>;
}
