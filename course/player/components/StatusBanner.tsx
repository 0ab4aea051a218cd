// Tells the learner honestly where their work is: only in this browser (no LMS), or safe here while the LMS cannot
// be reached. Nothing is shown while the LMS is connected.
import type { ConnectionStatus } from '../../runtime/tracker.ts';
import { usePlayer } from '../app/player-context.ts';
import { Icon } from './Icon.tsx';

export function StatusBanner({ status }: { status: ConnectionStatus }) {
  const { t, session } = usePlayer();
  let content = null;
  if (session.reviewMode) {
    content = (
      <div class="callout callout--info">
        <p class="callout__title">
          <Icon name="info" /> {t.status.reviewTitle}
        </p>
        <p>{t.status.reviewBody}</p>
      </div>
    );
  } else if (status.state === 'standalone') {
    content = (
      <div class="callout callout--info">
        <p class="callout__title">
          <Icon name="info" /> {t.status.standaloneTitle}
        </p>
        <p>{t.status.standaloneBody}</p>
      </div>
    );
  } else if (status.state === 'retrying') {
    content = (
      <div class="callout callout--warning">
        <p class="callout__title">
          <Icon name="warning" /> {t.status.unreachableTitle}
        </p>
        <p>{t.status.retryingBody}</p>
        {status.message && <p class="secondary-text">{t.status.detail(status.message)}</p>}
      </div>
    );
  } else if (status.state === 'failed') {
    // The tracker's message says what actually happened and where the work is (it differs by case), so it is the
    // body; the catalogue's sentence is only the fallback.
    content = (
      <div class="callout callout--warning">
        <p class="callout__title">
          <Icon name="warning" /> {t.status.failedTitle}
        </p>
        <p>{status.message || t.status.failedBody}</p>
      </div>
    );
  }
  // The region is always there so that a change (connection lost, back again) is announced politely.
  return (
    <div class="status-banner" role="status">
      {content}
    </div>
  );
}
