// The message shown once after resuming: welcome back, or that part of the saved progress could not be restored.
// The tracking runtime's codec explains a failed restore in its own words (which sections, which reflections); that
// account is shown when it has one, our catalogue's sentence otherwise.
import type { ResumeNotice } from '../state/resume.ts';
import { usePlayer } from '../app/player-context.ts';
import { pageStringsFor } from '../strings/pages.ts';
import { wordsLanguage } from '../strings/languages.ts';
import { Icon } from './Icon.tsx';

const TITLE_ID = 'resume-notice-title';

export function Notice({ notice, onDismiss }: { notice: ResumeNotice; onDismiss(): void }) {
  const { session } = usePlayer();
  // The notice's words are in part 3 of the catalogue: only a resume, which brings this chunk, shows them.
  const t = pageStringsFor(wordsLanguage(session.config));
  let body;
  switch (notice.kind) {
    case 'welcome-back':
      body = (
        <p class="callout__title" id={TITLE_ID}>
          <Icon name="info" /> {t.notices.welcomeBack(session.map.byId.get(notice.screenId)?.screen.title ?? '')}
        </p>
      );
      break;
    case 'sections-restarted': {
      const titles = notice.sectionIds.map((id) => session.config.course.sections.find((s) => s.id === id)?.title ?? id);
      body = (
        <>
          <p class="callout__title" id={TITLE_ID}>
            <Icon name="warning" /> {t.notices.sectionsRestartedTitle}
          </p>
          <p>{t.notices.sectionsRestarted(notice.reason, notice.damage, t.notices.sectionList(titles))}</p>
        </>
      );
      break;
    }
    case 'progress-lost':
      body = (
        <>
          <p class="callout__title" id={TITLE_ID}>
            <Icon name="warning" /> {t.notices.progressLostTitle}
          </p>
          <p>{t.notices.progressLost(notice.reason)}</p>
        </>
      );
      break;
  }
  return (
    // A labelled region, so the notice sits in a landmark like everything else on the page (it stands outside <main>).
    <section class={`callout notice ${notice.kind === 'welcome-back' ? 'callout--info' : 'callout--warning'}`} aria-labelledby={TITLE_ID}>
      {body}
      <button type="button" class="link-button notice__dismiss" onClick={onDismiss}>
        {t.notices.dismiss}
      </button>
    </section>
  );
}
