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
        <p>{t.status.retryingBody(status.keptLocally)}</p>
        {status.problem.kind === 'refused' && <p class="secondary-text">{t.status.detail(status.problem.detail)}</p>}
      </div>
    );
  } else if (status.state === 'failed') {
    // What actually happened and where the work is: it differs by case, so the tracker says which, in codes.
    content = (
      <div class="callout callout--warning">
        <p class="callout__title">
          <Icon name="warning" /> {t.status.failedTitle}
        </p>
        <p>{t.status.problem(status.problem, status.keptLocally)}</p>
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
