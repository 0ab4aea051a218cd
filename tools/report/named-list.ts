// "Who in my team has not completed?" The report cannot say (it holds no names, by design); the LMS can. One line
// per LMS profile the course is built for (course/model/types.ts LmsProfileId) saying where that LMS keeps the named list,
// plus one for the xAPI/cmi5 route. The report leads with the line for the LMS its input came from.
import type { LmsProfileId } from '../../course/model/types.ts';
import type { ReportData } from './summary.ts';

export interface NamedListPointer {
  /** The LMS profile (or 'lrs' for xAPI and cmi5 through an LRS). */
  profile: LmsProfileId | 'lrs';
  lms: string;
  where: string;
}

export const NAMED_LIST_POINTERS: readonly NamedListPointer[] = [
  {
    profile: 'moodle',
    lms: 'Moodle or Totara',
    where: 'Course → Reports → Activity completion lists every learner with a tick for each completed activity (Totara managers also see each team member\'s Record of Learning under Team).',
  },
  {
    profile: 'esr',
    lms: 'ESR (Oracle Learning Management)',
    where: 'your staff\'s learning and competence records in Supervisor or Manager Self Service, or the compliance dashboards in ESR Business Intelligence.',
  },
  {
    profile: 'scorm-cloud',
    lms: 'SCORM Cloud',
    where: 'the course\'s Registrations in the Library: one per learner, with completion and score.',
  },
  {
    profile: 'standard',
    lms: 'Other LMSs',
    where: 'the course\'s own learner report (often called the enrolment, completion or progress report), which lists each learner\'s completion status.',
  },
  {
    profile: 'minimal',
    lms: 'A basic LMS',
    where: 'the course\'s enrolment list with each learner\'s status, as that LMS shows it.',
  },
  {
    profile: 'lrs',
    lms: 'xAPI or cmi5',
    where: 'the LMS that launched the course lists its learners\' registrations and completion; the LRS holds their statements under their names for those allowed to read it.',
  },
];

/** The pointer for the LMS the figures came from, first; null when the input does not tell. */
export function primaryPointer(source: ReportData['source']): NamedListPointer | null {
  const profile = source.kind === 'lrs' ? 'lrs' : source.lms ? 'moodle' : null;
  return NAMED_LIST_POINTERS.find((p) => p.profile === profile) ?? null;
}
