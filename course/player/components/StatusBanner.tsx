// Tells the learner honestly where their work is: only in this browser (no LMS), or safe here while the LMS cannot
// be reached. Nothing is shown while the LMS is connected.
import type { ConnectionStatus } from '../../runtime/tracker.ts';
import type { StatusProblem } from '../../runtime/tracker.ts';
import { usePlayer } from '../app/player-context.ts';
import { useLazy } from '../app/use-lazy.ts';
import { Icon } from './Icon.tsx';
import { wordsLanguage } from '../strings/languages.ts';

/**
 * What a problem means and where the work is now. Those words are in part 3 of the catalogue, fetched only when a
 * problem is shown, so the first screen does not carry them; the banner's title says at once that there is one.
 */
function ProblemWords({ problem, keptLocally }: { problem: StatusProblem; keptLocally: boolean }) {
  const { session } = usePlayer();
  const language = wordsLanguage(session.config);
  const strings = useLazy(`strings:pages:${language}`, () => import('../strings/pages.ts').then((m) => m.pageStringsFor(language)));
  if (strings.kind === 'ready') return <p>{strings.component.problems.describe(problem, keptLocally)}</p>;
  // Without the words (the fetch failed), the problem's code still tells support what happened.
  if (strings.kind === 'failed') return <p class="secondary-text">{problem.kind}</p>;
  return null;
}

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
        <ProblemWords problem={status.problem} keptLocally={status.keptLocally} />
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
