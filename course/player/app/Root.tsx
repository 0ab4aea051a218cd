// First thing on the page: read config.js, start the tracker, then hand over to the Player. Every failure on the
// way ends on a page that says what happened, never a blank one.
import { useEffect, useState } from 'preact/hooks';
import type { RuntimeConfig } from '../../model/types.ts';
import { enGB } from '../strings/en-GB.ts';
import { frameStringsFor } from '../strings/frame.ts';
import { wordsLanguage } from '../strings/languages.ts';
import { Player } from './Player.tsx';
import { startCourse, type StartedCourse } from './start-course.ts';

type Boot = { kind: 'starting' } | { kind: 'started'; started: StartedCourse } | { kind: 'failed'; detail: string };

export function Root({ config }: { config: RuntimeConfig }) {
  const [boot, setBoot] = useState<Boot>({ kind: 'starting' });
  useEffect(() => {
    startCourse(config)
      .then((started) => setBoot({ kind: 'started', started }))
      .catch((error: unknown) => setBoot({ kind: 'failed', detail: error instanceof Error ? error.message : String(error) }));
  }, [config]);
  const t = frameStringsFor(wordsLanguage(config));
  switch (boot.kind) {
    case 'starting':
      return (
        <main class="width-container layout__single" id="main-content">
          <p class="loading" role="status">
            {t.app.loading}
          </p>
        </main>
      );
    case 'failed':
      return <ProblemPage title={t.app.startProblemTitle} body={t.app.startProblemBody} detail={boot.detail} detailsLabel={t.app.problemDetails} />;
    case 'started':
      return <Player started={boot.started} />;
  }
}

/** A page for when the course cannot run at all. Without a config there is no course language, so en-GB it is. */
export function ProblemPage({
  title = enGB.app.configProblemTitle,
  body = enGB.app.configProblemBody,
  detail,
  detailsLabel = enGB.app.problemDetails,
}: {
  title?: string;
  body?: string;
  detail: string;
  detailsLabel?: string;
}) {
  return (
    <main class="width-container layout__single" id="main-content">
      <div class="callout callout--warning">
        <h1>{title}</h1>
        <p>{body}</p>
        <p>
          <strong>{detailsLabel}:</strong> <code>{detail}</code>
        </p>
      </div>
    </main>
  );
}
