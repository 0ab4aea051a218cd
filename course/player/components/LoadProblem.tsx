import { usePlayer } from '../app/player-context.ts';

/** Shown where a screen's chunk could not be fetched (a flaky network in the middle of a course). */
export function LoadProblem({ retry }: { retry(): void }) {
  const { t } = usePlayer();
  return (
    <div class="callout callout--warning">
      <p>{t.app.screenLoadFailed}</p>
      <button type="button" class="button button--secondary" onClick={retry}>
        {t.app.tryAgain}
      </button>
    </div>
  );
}
