// The footer link to the package's accessibility statement. It opens a new tab, since following it in the LMS's
// frame would leave (and end) the course. Some LMSs show courses in a sandboxed frame that may not open tabs: there
// the browser silently ignores the click, so the learner is given the statement's address instead.
import { useState } from 'preact/hooks';
import { usePlayer } from '../app/player-context.ts';

const STATEMENT = './accessibility.html';

export function AccessibilityLink() {
  // The frame's strings only: this is part of the first screen, which must not pull in the screens' catalogue.
  const { t } = usePlayer();
  const [blockedAt, setBlockedAt] = useState<string | null>(null);
  const open = (event: MouseEvent): void => {
    // Modified clicks (new window, download…) are the browser's to handle.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const href = (event.currentTarget as HTMLAnchorElement).href;
    event.preventDefault();
    const tab = window.open(href, '_blank');
    if (tab) tab.opener = null;
    else setBlockedAt(href);
  };
  return (
    <>
      <a href={STATEMENT} target="_blank" rel="noopener" onClick={open}>
        {t.app.accessibilityStatement}
      </a>
      <span role="status">{blockedAt && <span class="footer__blocked">{t.app.accessibilityStatementBlocked(blockedAt)}</span>}</span>
    </>
  );
}
