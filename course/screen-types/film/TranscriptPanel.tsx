// The film's transcript under its own heading, in a disclosure fetched from the package the first time it is
// opened. Its chapters are headings one level down (transcript-chapters.ts), so they can be jumped between.
import { useState } from 'preact/hooks';
import { useStrings } from '../../player/app/use-strings.ts';
import { transcriptBlocks, type TextBlock } from '../../player/logic/text-blocks.ts';
import { mediaUrl } from '../../player/components/media-url.ts';
import { withChapterHeadings } from './transcript-chapters.ts';
import '../../player/styles/details.css';

type TranscriptState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; blocks: TextBlock[] };

export function TranscriptPanel({ path, chapterTitles }: { path: string; chapterTitles: readonly string[] }) {
  const t = useStrings();
  const [state, setState] = useState<TranscriptState>({ kind: 'idle' });
  const load = (): void => {
    if (state.kind !== 'idle' && state.kind !== 'failed') return;
    setState({ kind: 'loading' });
    fetch(mediaUrl(path))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((text) => setState({ kind: 'ready', blocks: transcriptBlocks(text) }))
      .catch(() => setState({ kind: 'failed' }));
  };
  // Chapter titles may arrive after the transcript (both are fetched): headings are worked out at render.
  const blocks = state.kind === 'ready' ? withChapterHeadings(state.blocks, chapterTitles) : [];
  return (
    <section class="transcript" aria-labelledby="transcript-heading">
      <h2 id="transcript-heading">{t.film.transcript}</h2>
      <details class="details" onToggle={(event) => (event.currentTarget as HTMLDetailsElement).open && load()}>
        <summary class="details__summary">
          <span class="details__summary-text">{t.film.transcriptShow}</span>
        </summary>
        <div class="details__text">
          {state.kind === 'loading' && <p>{t.film.transcriptLoading}</p>}
          {state.kind === 'failed' && <p>{t.film.transcriptFailed}</p>}
          {blocks.map((block, i) =>
            block.kind === 'heading' ? (
              <h3 key={i}>{block.text}</h3>
            ) : block.kind === 'list' ? (
              <ul key={i} class="list list--bullet">
                {block.items.map((item, j) => (
                  <li key={j}>{item}</li>
                ))}
              </ul>
            ) : (
              <p key={i}>{block.text}</p>
            ),
          )}
        </div>
      </details>
    </section>
  );
}
