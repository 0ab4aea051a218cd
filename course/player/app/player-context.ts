// What every screen component may use: the session (state and dispatch), the string catalogue, the live region and
// the printable views. Provided once by the Player.
import { createContext } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import type { ConnectionStatus } from '../../runtime/tracker.ts';
import type { FrameStrings } from '../strings/en-GB.ts';
import type { CourseSession } from './course-session.ts';

/** Pages outside the course's flow: the printable ones, and the resources (guide, glossary, references). */
export type PrintView = 'reflections' | 'certificate' | 'guide' | 'glossary' | 'references';

export interface PlayerContextValue {
  session: CourseSession;
  /** The frame's words; the screens after the first take the whole catalogue from useStrings (app/use-strings.ts). */
  t: FrameStrings;
  /** The tracker's latest connection status (standalone, connected, retrying, failed). */
  connection: ConnectionStatus;
  /**
   * Says a message through the polite live region. Where the learner's action also moves focus, use respond()
   * (components/respond.ts) instead: it does one or the other, never both.
   */
  announce(message: string): void;
  /** Empties the live region (focus is about to say what matters, or the page changed). */
  clearAnnouncement(): void;
  openView(view: PrintView): void;
  /** Moves to a screen the way back/next and the menu do (focus to its heading, menu closed). */
  goTo(screenId: string): void;
  /** Learner's name for printed pages: from the LMS, or typed by the learner in this session (never saved). */
  learnerName: string | null;
  setLearnerName(name: string): void;
  /**
   * Set when the learner moved to a page whose heading had not rendered yet (a printable view still loading); the
   * view focuses its heading on mount and clears it.
   */
  headingFocusPending: { current: boolean };
}

export const PlayerContext = createContext<PlayerContextValue | null>(null);

/** For a lazily loaded page's h1: takes focus when it appears, if the learner's move asked for it. */
export function useHeadingFocus<T extends HTMLElement>(): { current: T | null } {
  const { headingFocusPending } = usePlayer();
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!headingFocusPending.current) return;
    headingFocusPending.current = false;
    ref.current?.focus();
  }, []);
  return ref;
}

export function usePlayer(): PlayerContextValue {
  const value = useContext(PlayerContext);
  if (!value) throw new Error('usePlayer outside the Player');
  return value;
}
