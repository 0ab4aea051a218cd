// What the LMS holds of the learner's work right now, in terms a test compares with the plan: the location it would
// resume at (SCORM lesson_location / location; xAPI and cmi5: the resume document in the State API), and the answers
// it has recorded, in order (SCORM interactions; "answered" statements), with statements stored more than once.
import { scorm12Id } from './expected.ts';
import { collection } from './scorm-record.ts';
import type { Scenario } from './scenario.ts';

/** The State API document the course keeps its resume state in (course/runtime/xapi/xapi-transport.ts). */
const RESUME_DOCUMENT = 'https://w3id.org/xapi/common-ground/resume';

export interface Held {
  location: string | null;
  /** Answer ids as the standard writes them (SCORM 1.2: "_" for "."), in the order recorded. */
  answers: string[];
  duplicateStatements: number;
}

export async function heldByLms(scenario: Pick<Scenario, 'lms'>): Promise<Held> {
  await scenario.lms.log.sync();
  const snapshot = await scenario.lms.snapshot();
  if (snapshot.scorm) {
    const committed = snapshot.scorm.committed;
    return {
      location: committed['cmi.core.lesson_location'] ?? committed['cmi.location'] ?? null,
      answers: collection(committed, 'interactions').map((interaction) => interaction.id ?? ''),
      duplicateStatements: 0,
    };
  }
  const document = snapshot.xapi?.documents.find((d) => d.resource === 'state' && d.id === RESUME_DOCUMENT);
  const location = document ? (/"location":"([^"]*)"/.exec(document.text)?.[1] ?? null) : null;
  const statements = scenario.lms.log.statements('course');
  return {
    location,
    answers: statements
      .filter((s) => String((s.verb as { id?: string }).id).endsWith('/answered'))
      .map((s) => decodeURIComponent(String((s.object as { id: string }).id).split('/').at(-1)!)),
    duplicateStatements: statements.length - new Set(statements.map((s) => s.id)).size,
  };
}

/** Answer ids as `standard` writes them. */
export function answerIdFor(standard: string, id: string): string {
  return standard === 'scorm12' ? scorm12Id(id) : id;
}
