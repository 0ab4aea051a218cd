// The course player's frame: header, status banner, section menu, the current screen with its heading, back and
// next, the live region, and the printable views. It owns focus: after every move, focus goes to the new heading,
// and the live region is emptied so nothing said on one page can be read on the next.
//
// The section menu is drawn in one of two places, by the frame's width (styles/layout.css): in a narrow frame it is
// a panel the header's "Sections" button opens, before the page (Escape closes it); in a wide one it is a column
// beside the page, after it in the document, so the page's h1 is the first heading a screen reader meets.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ConnectionStatus } from '../../runtime/tracker.ts';
import { PlayerContext, usePlayer, type PlayerContextValue, type PrintView } from './player-context.ts';
import type { StartedCourse } from './start-course.ts';
import { loadWhenIdle } from './codec-loader.ts';
import { logoSource } from '../logic/branding.ts';
import { frameStringsFor } from '../strings/frame.ts';
import { wordsLanguage } from '../strings/languages.ts';
import { entryFor, nextScreenId, previousScreenId } from '../logic/course-map.ts';
import type { ResumeNotice } from '../state/resume.ts';
import { ScreenView, prefetchScreen } from './ScreenView.tsx';
import { SectionMenu } from '../components/SectionMenu.tsx';
import { StatusBanner } from '../components/StatusBanner.tsx';
import { Icon } from '../components/Icon.tsx';
import { AccessibilityLink } from '../components/AccessibilityLink.tsx';
import { useLazy } from './use-lazy.ts';
import { LoadProblem } from '../components/LoadProblem.tsx';
import { coursePartsOf } from './course-parts.ts';

/** Time the live region stays empty before a message, so that the same message twice is still announced twice. */
const LIVE_REGION_GAP_MS = 100;

/** The narrow frame's menu panel, which the header's "Sections" button controls. */
const NARROW_MENU_ID = 'section-menu';

export function Player({ started }: { started: StartedCourse }) {
  const { session, status: statusStore, Notice } = started;
  const { course, variant } = session.config;
  const logo = useMemo(() => logoSource(variant.branding), [variant]);
  const t = useMemo(() => frameStringsFor(wordsLanguage(session.config)), [session.config]);
  const [, setVersion] = useState(0);
  const [status, setStatus] = useState<ConnectionStatus>(statusStore.current);
  const [notice, setNotice] = useState<ResumeNotice | null>(started.resume.notice);
  const [view, setView] = useState<PrintView | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const [liveText, setLiveText] = useState('');
  const [typedName, setTypedName] = useState<string | null>(null);
  const liveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const menuToggle = useRef<HTMLButtonElement>(null);
  /** Whether the next render follows a move the learner made (the first screen of a launch keeps the page's focus). */
  const moved = useRef(false);
  const headingFocusPending = useRef(false);
  const begun = useRef(false);
  /** A move the learner asked for that waits on the course's structure, which could not be fetched. */
  const [moveFailed, setMoveFailed] = useState<string | null>(null);
  const parts = coursePartsOf(session.config);

  // The session begins (lands on its screen and tells the LMS the learner is under way) once the course's structure
  // is here: a resume has it already, a first launch moments after its first screen (app/course-parts.ts).
  const beginOnce = (): void => {
    if (begun.current) return;
    begun.current = true;
    session.begin();
  };

  useEffect(() => {
    const unsubscribeSession = session.subscribe(() => setVersion((v) => v + 1));
    const unsubscribeStatus = statusStore.subscribe(() => setStatus(statusStore.current));
    setStatus(statusStore.current);
    let live = true;
    if (parts.hasStructure()) beginOnce();
    else parts.structure().then(() => live && beginOnce(), () => undefined);
    // A first launch showed this screen without the state codec; fetch it now that the screen is up (a resume has it).
    const cancelCodecLoad = session.readOnly ? () => {} : loadWhenIdle(started.codec, window);
    // Hidden and pagehide are the runtime's (it takes the last state and ends the session: runtime/session/state-handover.ts).
    // A page restored from the back/forward cache would talk to an LMS session that has already ended: start afresh.
    const onPageShow = (event: PageTransitionEvent): void => {
      if (event.persisted && session.ended) window.location.reload();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => {
      live = false;
      unsubscribeSession();
      unsubscribeStatus();
      cancelCodecLoad();
      window.removeEventListener('pageshow', onPageShow);
    };
  }, [session, statusStore]);

  const location = session.state.location;
  const entry = entryFor(session.map, location);

  useEffect(() => {
    const upcoming = nextScreenId(session.map, location);
    if (upcoming) prefetchScreen(entryFor(session.map, upcoming).screen);
    // The course data one section ahead of this one (the next screen's, when that is further on), once this screen's
    // own part has come: on a resume the two would otherwise share the link.
    const parts = coursePartsOf(session.config);
    const ahead = [entry.sectionIndex + 1, ...(upcoming ? [entryFor(session.map, upcoming).sectionIndex] : [])];
    parts.section(entry.sectionIndex).then(
      () => ahead.forEach((index) => parts.prefetch(index)),
      () => undefined,
    );
  }, [location]);

  const clearAnnouncement = (): void => {
    if (liveTimer.current) clearTimeout(liveTimer.current);
    liveTimer.current = null;
    setLiveText('');
  };

  useEffect(() => {
    // What was said on the page before (feedback, a refused seek) is about that page only.
    clearAnnouncement();
    if (!moved.current) return;
    moved.current = false;
    window.scrollTo(0, 0);
    const heading = document.getElementById('view-heading');
    if (heading) heading.focus();
    else headingFocusPending.current = true;
  }, [location, view]);

  const context: PlayerContextValue = {
    session,
    t,
    connection: status,
    announce: (message) => {
      clearAnnouncement();
      liveTimer.current = setTimeout(() => setLiveText(message), LIVE_REGION_GAP_MS);
    },
    clearAnnouncement,
    openView: (next) => {
      moved.current = true;
      setView(next);
    },
    learnerName: session.trackerSession.learner.name ?? typedName,
    setLearnerName: setTypedName,
    headingFocusPending,
    goTo: (screenId) => go(screenId),
  };

  const closeView = (): void => {
    moved.current = true;
    setView(null);
  };

  const go = (screenId: string | null): void => {
    if (!screenId) return;
    if (!parts.hasStructure()) {
      // Moving needs the course's structure (the rules of the screen moved to); on a first launch it comes moments
      // after the first screen. If it cannot be fetched, the learner is told, with a way to try again.
      parts.structure().then(
        () => {
          beginOnce();
          go(screenId);
        },
        () => setMoveFailed(screenId),
      );
      return;
    }
    setMoveFailed(null);
    moved.current = true;
    setMenuOpen(false);
    setView(null);
    // The notice was about where the learner landed; once they move on it has done its job.
    if (notice?.kind === 'welcome-back') setNotice(null);
    session.dispatch({ type: 'go-to', screenId });
  };

  // Escape closes the narrow menu from anywhere in it (or on its button) and gives focus back to the button, as a
  // disclosure should; the wide menu is always shown and has nothing to close. A layout effect, so the listener is in
  // place in the same render that shows the panel: with a plain effect (run after paint) an Escape pressed at once,
  // on a slow machine, found no listener and the menu stayed open.
  useLayoutEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const panel = document.getElementById(NARROW_MENU_ID);
      const focused = document.activeElement;
      if (focused !== menuToggle.current && !(panel && focused && panel.contains(focused))) return;
      event.preventDefault();
      setMenuOpen(false);
      menuToggle.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  const previous = previousScreenId(session.map, location);
  const next = nextScreenId(session.map, location);
  const nextEntry = next ? entryFor(session.map, next) : null;

  return (
    <PlayerContext.Provider value={context}>
      <a class="skip-link" href="#main-content">
        {t.app.skipLink}
      </a>
      <header class={`header no-print${logo && variant.branding?.logo?.alt ? ' header--logo' : ''}`}>
        <div class="width-container header__inner">
          <div class="header__brand">
            {logo && <img class="header__logo" src={logo} alt={variant.branding?.logo?.alt ?? ''} />}
            <p class="header__title">
              <span class="header__course">{variant.displayName || course.title}</span>
              <span class="header__organisation">{variant.organisation}</span>
            </p>
          </div>
          {view === null && (
            <button
              type="button"
              class="header__menu-toggle"
              aria-expanded={menuOpen}
              aria-controls={NARROW_MENU_ID}
              ref={menuToggle}
              onClick={() => setMenuOpen(!menuOpen)}
            >
              <Icon name="menu" /> {t.app.menuButton}
            </button>
          )}
        </div>
      </header>
      <div class="width-container">
        <div class="no-print">
          <StatusBanner status={status} />
          {notice && Notice && view === null && (notice.kind !== 'welcome-back' || notice.screenId === location) && (
            <Notice notice={notice} onDismiss={() => setNotice(null)} />
          )}
        </div>
        {view === null ? (
          <div class="layout">
            <div id={NARROW_MENU_ID} class={`layout__menu layout__menu--narrow no-print${menuOpen ? ' layout__menu--open' : ''}`}>
              <SectionMenu headingId="section-menu-heading" currentSectionId={entry.section.id} onGo={go} />
            </div>
            <main class="layout__main" id="main-content" tabIndex={-1}>
              <p class="caption-section">{entry.section.title}</p>
              <h1 id="view-heading" tabIndex={-1}>
                {entry.screen.title}
              </h1>
              {moveFailed !== null && <LoadProblem retry={() => go(moveFailed)} />}
              <ScreenView screen={entry.screen} />
              <nav class="pagination no-print" aria-label={t.app.screenPosition(entry.index + 1, session.map.entries.length)}>
                {previous && (
                  <button type="button" class="link-button back-link" onClick={() => go(previous)}>
                    <Icon name="arrow-left" /> {t.app.back}
                  </button>
                )}
                <span class="pagination__position secondary-text">{t.app.screenPosition(entry.index + 1, session.map.entries.length)}</span>
                {next && nextEntry && (
                  <button type="button" class="button pagination__next" aria-label={t.app.nextScreen(nextEntry.screen.title)} onClick={() => go(next)}>
                    {t.app.next} <Icon name="arrow-right" />
                  </button>
                )}
              </nav>
            </main>
            <div class="layout__menu layout__menu--wide no-print">
              <SectionMenu headingId="section-menu-heading-wide" currentSectionId={entry.section.id} onGo={go} />
            </div>
          </div>
        ) : (
          <main class="layout__single" id="main-content" tabIndex={-1}>
            <PrintViewSlot view={view} onClose={closeView} />
          </main>
        )}
      </div>
      <footer class="footer no-print">
        <div class="width-container">
          <p class="secondary-text">
            {t.app.footer(variant.displayName, session.config.build.courseVersion)}
          </p>
          <p>
            <AccessibilityLink />
          </p>
        </div>
      </footer>
      <div class="visually-hidden live-region" aria-live="polite" aria-atomic="true">
        {liveText}
      </div>
    </PlayerContext.Provider>
  );
}

/**
 * A page outside the course's flow. The loader of those pages (which names every page's chunk) is a chunk of its own
 * too: most sessions never open one, so the first screen does not carry it.
 */
function PrintViewSlot({ view, onClose }: { view: PrintView; onClose(): void }) {
  const { t } = usePlayer();
  const loader = useLazy('print-view-loader', () => import('./PrintViewLoader.tsx').then((m) => m.PrintViewLoader));
  if (loader.kind === 'ready') {
    const Loader = loader.component;
    return <Loader view={view} onClose={onClose} />;
  }
  if (loader.kind === 'failed') return <LoadProblem retry={loader.retry} />;
  return <p class="secondary-text">{t.app.screenLoading}</p>;
}
