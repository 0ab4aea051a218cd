// "Export my reflections": the learner's own answers on a page of their own, to print or save as PDF. It shows
// exactly what was typed (line breaks kept), with their name, the date and the prompts. Nothing leaves the browser.
import type { ReflectionScreen } from '../../model/types.ts';
import { useHeadingFocus, usePlayer } from '../app/player-context.ts';
import { usePageStrings } from '../app/use-page-strings.ts';
import { screensOfType } from '../logic/course-map.ts';
import { cleanName, formatDate } from '../logic/certificate.ts';
import { PrintButton } from '../components/PrintButton.tsx';
import { BackToCourse } from './BackToCourse.tsx';
import { NameField } from './NameField.tsx';
import '../styles/documents.css';

/** The course title, with the edition's name after it unless the title already says it. */
function courseLine(title: string, edition: string): string {
  return title.includes(edition) ? title : `${title} (${edition})`;
}

export function ReflectionsExport({ onClose }: { onClose(): void }) {
  const { session, learnerName } = usePlayer();
  const t = usePageStrings();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const { course } = session.config;
  const screens: ReflectionScreen[] = screensOfType(session.map, 'reflection');
  const name = cleanName(learnerName);
  return (
    <article class="printable" aria-labelledby="view-heading">
      <h1 id="view-heading" tabIndex={-1} ref={heading}>
        {t.exportPage.title}
      </h1>
      <p class="lead">{t.exportPage.intro(course.title)}</p>
      <NameField label={t.exportPage.namePrompt} />
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t.exportPage.name}</dt>
          <dd>{name ?? t.exportPage.nameNotGiven}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t.exportPage.date}</dt>
          <dd>{formatDate(new Date(), course.language)}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t.exportPage.course}</dt>
          <dd>{courseLine(course.title, session.config.variant.displayName)}</dd>
        </div>
      </dl>
      {screens.map((screen) => (
        <section key={screen.id} aria-labelledby={`export-${screen.id}`}>
          <h2 id={`export-${screen.id}`}>{screen.title}</h2>
          {screen.prompts.map((prompt) => {
            const text = session.state.reflections[prompt.id];
            return (
              <div class="reflection-answer" key={prompt.id}>
                <h3>{prompt.prompt}</h3>
                {text ? <p class="reflection-answer__text">{text}</p> : <p class="secondary-text">{t.exportPage.notAnswered}</p>}
              </div>
            );
          })}
        </section>
      ))}
      <p class="inset">{session.config.variant.reflections === 'shared' ? t.exportPage.privacyShared : t.exportPage.privacy}</p>
      <PrintButton label={t.exportPage.print} hint={t.exportPage.printHint} />
      <BackToCourse onClose={onClose} />
    </article>
  );
}
