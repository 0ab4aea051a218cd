// Clinical and service terms in plain words, for staff who do not work in clinical roles.
import { useHeadingFocus, usePlayer } from '../app/player-context.ts';
import { usePageStrings } from '../app/use-page-strings.ts';
import { PrintButton } from '../components/PrintButton.tsx';
import { BackToCourse } from './BackToCourse.tsx';
import '../styles/documents.css';

export function Glossary({ onClose }: { onClose(): void }) {
  const { session } = usePlayer();
  const t = usePageStrings();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const entries = [...session.config.course.glossary].sort((a, b) => a.term.localeCompare(b.term, session.config.course.language));
  return (
    <article class="printable" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1} ref={heading}>
        {t.resourcePages.glossaryTitle}
      </h1>
      <p class="lead">{t.resourcePages.glossaryIntro}</p>
      <dl class="glossary">
        {entries.map((entry) => (
          <div class="glossary__entry" key={entry.term}>
            <dt class="body-strong">{entry.term}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
      <PrintButton label={t.resourcePages.print} />
      <BackToCourse onClose={onClose} />
    </article>
  );
}
