// "Sources for this page": the references a screen's figures and research claims rest on, by title, with a way to
// the full references page. Only the sources the screen's own data cites, each once, in the order of the references.
import { usePlayer } from '../app/player-context.ts';
import { usePageStrings } from '../app/use-page-strings.ts';

export function SourcesNote({ ids }: { ids: readonly string[] }) {
  const { session, openView } = usePlayer();
  const t = usePageStrings();
  const wanted = new Set(ids);
  const cited = session.config.course.sources.filter((source) => wanted.has(source.id));
  if (cited.length === 0) return null;
  return (
    <aside class="sources-note" aria-labelledby="sources-note-heading">
      <h2 id="sources-note-heading" class="heading-s">
        {t.sources.heading}
      </h2>
      <ul class="list list--bullet">
        {cited.map((source) => (
          <li key={source.id}>
            {source.title}. {source.publisher}, {source.year}.
          </li>
        ))}
      </ul>
      <p>
        <button type="button" class="link-button" onClick={() => openView('references')}>
          {t.sources.all}
        </button>
      </p>
    </aside>
  );
}

/** Every source id a screen's data cites (the screen, its steps, choices, questions, options and voices). */
export function citedIn(value: unknown): string[] {
  const found: string[] = [];
  const walk = (item: unknown): void => {
    if (Array.isArray(item)) return item.forEach(walk);
    if (typeof item !== 'object' || item === null) return;
    for (const [key, child] of Object.entries(item as Record<string, unknown>)) {
      if (key === 'sources' && Array.isArray(child)) found.push(...child.filter((id): id is string => typeof id === 'string'));
      else walk(child);
    }
  };
  walk(value);
  return found;
}
