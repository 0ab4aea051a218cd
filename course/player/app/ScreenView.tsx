// Shows a screen as its type's view says (course/screen-types/view.ts): only the welcome screen is part of the first
// load; every other screen is a chunk of its own, fetched when it is first shown, with the course text it needs
// (app/course-parts.ts), so the first screen stays within its payload budget wherever the learner resumes.
import type { Screen } from '../../model/types.ts';
import { usePlayer } from './player-context.ts';
import { loadLazy, useLazy, withNeeded } from './use-lazy.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { entryFor } from '../logic/course-map.ts';
import { coursePartsOf } from './course-parts.ts';
import { viewsByType, type ScreenTypeView } from '../../screen-types/view.ts';

type LazyView = Extract<ScreenTypeView<Screen['type']>, { load: unknown }>;

/** Fetches the chunk of the screen the learner will probably see next, while they read this one, if its view asks. */
export function prefetchScreen(screen: Screen): void {
  const view = viewsByType[screen.type];
  if ('load' in view && view.prefetch) void loadLazy(`screen:${screen.type}`, view.load).catch(() => undefined);
}

export function ScreenView({ screen }: { screen: Screen }) {
  const view = viewsByType[screen.type];
  if ('component' in view) return <view.component screen={screen} />;
  // Keyed by screen id: two screens of one type (two scenarios) never share component state.
  return <LazyScreen key={screen.id} screen={screen} view={view} />;
}

function LazyScreen({ screen, view }: { screen: Screen; view: LazyView }) {
  const { t, session } = usePlayer();
  const state = useLazy(`screen:${screen.type}`, view.load);
  const parts = coursePartsOf(session.config);
  const sectionIndex = entryFor(session.map, screen.id).sectionIndex;
  const whole = view.waitsFor === 'course';
  const text = useLazy(whole ? 'course:all' : `course:section-${sectionIndex}`, () =>
    (whole ? parts.all() : parts.section(sectionIndex)).then(() => true),
  );
  const loaded = withNeeded(state, text);
  if (loaded.kind === 'ready') {
    const Component = loaded.component;
    return <Component screen={screen} />;
  }
  if (loaded.kind === 'failed') return <LoadProblem retry={loaded.retry} />;
  return <p class="secondary-text">{t.app.screenLoading}</p>;
}
