// The pages outside the course's flow (my reflections, the certificate, the supervision guide, the glossary, the
// references) are chunks of their own: most sessions never open them.
import type { ComponentType } from 'preact';
import type { PrintView } from './player-context.ts';
import { usePlayer } from './player-context.ts';
import { useLazy, withNeeded } from './use-lazy.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { coursePartsOf } from './course-parts.ts';

type ViewComponent = ComponentType<{ onClose(): void }>;

const loaders: Record<PrintView, () => Promise<ViewComponent>> = {
  reflections: () => import('../views/ReflectionsExport.tsx').then((m) => m.ReflectionsExport),
  certificate: () => import('../views/CertificateView.tsx').then((m) => m.CertificateView),
  guide: () => import('../views/SupervisionGuide.tsx').then((m) => m.SupervisionGuide),
  glossary: () => import('../views/Glossary.tsx').then((m) => m.Glossary),
  references: () => import('../views/References.tsx').then((m) => m.References),
};

export function PrintViewLoader({ view, onClose }: { view: PrintView; onClose(): void }) {
  const { t, session } = usePlayer();
  const state = useLazy(`view:${view}`, loaders[view]);
  // The pages gather text from the whole course (reflection prompts, the guide, the sources): every part first.
  const whole = useLazy('course:all', () => coursePartsOf(session.config).all().then(() => true));
  const loaded = withNeeded(state, whole);
  if (loaded.kind === 'ready') {
    const View = loaded.component;
    return <View onClose={onClose} />;
  }
  if (loaded.kind === 'failed') return <LoadProblem retry={loaded.retry} />;
  return <p class="secondary-text">{t.app.screenLoading}</p>;
}
