// What the certificate shows. It is only issued once the course counts as completed.
import type { RuntimeConfig } from '../../model/types.ts';
import type { Outcome } from '../../runtime/tracker.ts';

export interface CertificateData {
  /** Learner's name from the LMS or typed by the learner; null when neither gave one. */
  learnerName: string | null;
  courseTitle: string;
  /** The variant's name, e.g. "Common Ground (Example NHS Trust)". */
  edition: string;
  organisation: string;
  publisher: string;
  /** Formatted in the course's language, e.g. "3 March 2026". */
  date: string;
  durationMinutes: number;
  /** Whole percentage, or null when the course has no scored check. */
  scorePercent: number | null;
  courseVersion: string;
}

export function formatDate(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A name fit to print: trimmed, inner runs of spaces collapsed; null when nothing is left. */
export function cleanName(name: string | null | undefined): string | null {
  const cleaned = (name ?? '').replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

export function certificateData(config: RuntimeConfig, outcome: Outcome, learnerName: string | null, date: Date): CertificateData | null {
  if (!outcome.completed) return null;
  const { course, variant } = config;
  return {
    learnerName: cleanName(learnerName),
    courseTitle: course.title,
    edition: variant.displayName,
    organisation: variant.organisation,
    publisher: course.publisher,
    date: formatDate(date, course.language),
    durationMinutes: course.durationMinutes,
    scorePercent: outcome.scaled === null ? null : Math.round(outcome.scaled * 100),
    courseVersion: config.build.courseVersion,
  };
}
