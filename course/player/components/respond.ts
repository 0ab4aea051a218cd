// The one rule for telling a learner what their action did (issue 18.2, 18.4): either focus moves to where the
// result is shown, or the live region says it, in one composed message. Never both: a screen reader reads the
// focused heading and the live text over each other, and the learner hears the result twice or three times.
//
// - Focus moves when the control the learner used goes away (a settled question's button, a scenario step's form
//   replaced by the next step): the result's heading takes focus, names the result, and the learner reads on.
// - Otherwise focus stays on the control, and the live region says the whole result at once: verdict, their
//   answer, feedback, attempts left, score, in that order (composeMessage).
import { usePlayer } from '../app/player-context.ts';

/** A piece of a message; empty pieces (null, '', false) are left out. */
export type MessagePart = string | null | undefined | false;

/**
 * One message from its sentences, in order: empty parts dropped, whitespace collapsed, each part ending in a full
 * stop unless it already ends in punctuation, one space between parts.
 */
export function composeMessage(parts: readonly MessagePart[]): string {
  return parts
    .map((part) => (part ? part.replace(/\s+/g, ' ').trim() : ''))
    .filter((part) => part !== '')
    .map((part) => (/[.!?…:;]$/.test(part) ? part : `${part}.`))
    .join(' ');
}

export interface Response {
  /**
   * Where the result is shown, when the control the learner used is going away: it takes focus (after the render
   * that shows it) and nothing is announced.
   */
  focus?: { readonly current: HTMLElement | null } | (() => HTMLElement | null);
  /** The whole result, said by the live region when focus stays where it is (or the focus target is not there). */
  message?: readonly MessagePart[];
}

export type Respond = (response: Response) => void;

/** What respond() does once the page has rendered: exactly one of moving focus and announcing. */
export function deliver(response: Response, live: { announce(message: string): void; clearAnnouncement(): void }): 'focus' | 'announce' | 'nothing' {
  const target = typeof response.focus === 'function' ? response.focus() : response.focus?.current;
  if (target?.isConnected) {
    // Focus says it; an older message left in the live region would be read after it.
    live.clearAnnouncement();
    target.focus();
    return 'focus';
  }
  const message = composeMessage(response.message ?? []);
  if (message === '') return 'nothing';
  live.announce(message);
  return 'announce';
}

/** respond(response), for a component: waits for the render the action causes, then moves focus or announces. */
export function useRespond(): Respond {
  const live = usePlayer();
  return (response) => {
    requestAnimationFrame(() => void deliver(response, live));
  };
}
