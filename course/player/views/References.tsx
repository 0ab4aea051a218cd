// The references: every source the course's figures and research claims rest on, with a link to read it. Links open
// in a new tab, since the course runs in the LMS's frame and leaving it would end the session.
import { useHeadingFocus, usePlayer } from '../app/player-context.ts';
import { usePageStrings } from '../app/use-page-strings.ts';
import { PrintButton } from '../components/PrintButton.tsx';
import { BackToCourse } from './BackToCourse.tsx';
import '../styles/documents.css';

export function References({ onClose }: { onClose(): void }) {
  const { session } = usePlayer();
  const t = usePageStrings();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const { sources } = session.config.course;
  return (
    <article class="printable" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1} ref={heading}>
        {t.resourcePages.referencesTitle}
      </h1>
      <p class="lead">{t.resourcePages.referencesIntro}</p>
      <ol class="list list--number references">
        {sources.map((source) => (
          <li key={source.id} id={`source-${source.id}`}>
            <span class="body-strong">{source.title}.</span> {source.publisher}, {source.year}.
            {source.note && <span class="secondary-text"> {source.note}</span>}
            {source.url && (
              <>
                {' '}
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {t.resourcePages.readSource(source.title)}
                </a>
              </>
            )}
          </li>
        ))}
      </ol>
      <PrintButton label={t.resourcePages.print} />
      <BackToCourse onClose={onClose} />
    </article>
  );
}
