// Links to the course's resource pages (supervision guide, glossary, references), which no learner has to complete:
// shown on the welcome screen, the reflection screen and the summary. In the first screen's chunk, so they are words
// of the frame's catalogue.
import { usePlayer } from '../app/player-context.ts';
import type { PrintView } from '../app/player-context.ts';

const VIEWS: PrintView[] = ['guide', 'glossary', 'references'];

export function ResourceLinks() {
  const { t, openView } = usePlayer();
  return (
    <nav class="resources" aria-labelledby="resources-heading">
      <h2 id="resources-heading">{t.resources.heading}</h2>
      <ul class="list list--bullet">
        {VIEWS.map((view) => (
          <li key={view}>
            <button type="button" class="link-button" onClick={() => openView(view)}>
              {t.resources.link[view as 'guide' | 'glossary' | 'references']}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
