// The certificate of completion, on a page of its own so it prints as one clean sheet.
import { useHeadingFocus, usePlayer } from '../app/player-context.ts';
import { usePageStrings } from '../app/use-page-strings.ts';
import { certificateData } from '../logic/certificate.ts';
import { PrintButton } from '../components/PrintButton.tsx';
import { NameField } from './NameField.tsx';
import '../styles/documents.css';

export function CertificateView({ onClose }: { onClose(): void }) {
  const { session, learnerName } = usePlayer();
  const t = usePageStrings();
  const heading = useHeadingFocus<HTMLHeadingElement>();
  const data = certificateData(session.config, session.outcome, learnerName, new Date());
  const back = (
    <p class="no-print">
      <button type="button" class="link-button back-link" onClick={onClose}>
        {t.certificate.backToCourse}
      </button>
    </p>
  );
  if (!data) {
    return (
      <article aria-labelledby="view-heading">
        <h1 id="view-heading" tabIndex={-1} ref={heading}>
          {t.certificate.title}
        </h1>
        <p>{t.summary.certificateLater}</p>
        {back}
      </article>
    );
  }
  return (
    <article class="printable" aria-labelledby="view-heading">
      <NameField label={t.certificate.namePrompt} />
      <div class="certificate">
        <h1 id="view-heading" class="certificate__title" tabIndex={-1} ref={heading}>
          {t.certificate.title}
        </h1>
        <p class="certificate__line">{t.certificate.certifies}</p>
        <p class="certificate__name">{data.learnerName ?? t.certificate.nameMissing}</p>
        <p class="certificate__line">{t.certificate.completed}</p>
        <p class="certificate__course">{data.courseTitle}</p>
        <p class="certificate__line">{t.certificate.onDate(data.date)}</p>
        <ul class="certificate__details">
          <li>{t.certificate.edition(data.edition)}</li>
          <li>{t.certificate.duration(data.durationMinutes)}</li>
          {data.scorePercent !== null && <li>{t.certificate.score(data.scorePercent)}</li>}
          <li>{t.certificate.publisher(data.publisher)}</li>
          <li>{t.certificate.version(data.courseVersion)}</li>
        </ul>
      </div>
      <PrintButton label={t.certificate.print} />
      {back}
    </article>
  );
}
