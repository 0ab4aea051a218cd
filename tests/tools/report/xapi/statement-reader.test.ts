// Completion is counted only from statements about the course itself (issue 12 item 8): xAPI, the course's own
// activity; cmi5, a cmi5 defined statement about the AU. The film's Video Profile "completed" — whatever id the film
// has, and with the AU's grouping a cmi5 context template puts on every statement — says the film ended, never that
// the course was completed.
import { describe, expect, it } from 'vitest';
import { indexQuestions } from '../../../../tools/report/course-questions.ts';
import { completionOf, LearnerTally } from '../../../../tools/report/learner-tally.ts';
import { StatementReader } from '../../../../tools/report/xapi/statement-reader.ts';
import { asCmi5, CMI5_CATEGORY, COURSE, xapiStatements } from '../../../fixtures/report/journeys.ts';
import { MIXED_JOURNEYS } from '../../../fixtures/report/mixed-case.ts';

const index = indexQuestions(COURSE);
const IRI = COURSE.iri.replace(/\/+$/, '');
const PUBLISHER_AU = `${IRI}/v1/acute-trust`;
const LMS_AU = 'https://lms.example-acute.nhs.uk/cmi5/activities/au/8842';
const VIDEO = 'https://w3id.org/xapi/video';

/** Completed learners (by account name) after reading `statements`. */
function completedLearners(statements: readonly object[]): string[] {
  const tally = new LearnerTally(index.questions.length);
  const reader = new StatementReader(index, tally, { kind: 'auto' });
  for (const statement of statements) reader.read(statement);
  return [...tally.learners].filter(([, record]) => completionOf(record).state === 'completed').map(([key]) => key.split('|')[1]!).sort();
}

/** A Video Profile "completed" for a learner who did not complete the course: the film ran to its end. */
function filmEnded(account: string, filmId: string, cmi5: boolean): object {
  return {
    id: crypto.randomUUID(),
    actor: { objectType: 'Agent', account: { homePage: 'https://learning.example-acute.nhs.uk', name: account } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { objectType: 'Activity', id: filmId, definition: { type: 'https://w3id.org/xapi/video/activity-type/video' } },
    result: { completion: true, extensions: { 'https://w3id.org/xapi/video/extensions/progress': 1 } },
    context: {
      registration: crypto.randomUUID(),
      contextActivities: { category: [{ id: VIDEO }], parent: [{ id: cmi5 ? LMS_AU : PUBLISHER_AU }], ...(cmi5 ? { grouping: [{ id: PUBLISHER_AU }] } : {}) },
    },
    timestamp: '2024-05-30T10:00:00.000Z',
  };
}

const notCompleted = ['w03', 'w04', 'w05', 'w06', 'w07'];
const filmIds = [`${IRI}/film/${COURSE.film.id}`, 'https://media.example-acute.nhs.uk/films/common-ground', LMS_AU, PUBLISHER_AU];

describe('completion comes only from statements about the course itself', () => {
  it('xAPI: the film ending is not the course completed, whatever id the film has', () => {
    const statements = xapiStatements(MIXED_JOURNEYS);
    expect(completedLearners(statements)).toEqual(['w01', 'w02']);
    const withFilm = [...statements, ...notCompleted.flatMap((account) => filmIds.map((id) => filmEnded(account, id, false)))];
    expect(completedLearners(withFilm)).toEqual(['w01', 'w02']);
  });

  it('cmi5: only a cmi5 defined "completed" about the AU counts; the Video Profile one in the AU\'s grouping does not', () => {
    const statements = asCmi5(xapiStatements(MIXED_JOURNEYS), LMS_AU);
    expect(completedLearners(statements)).toEqual(['w01', 'w02']);
    const withFilm = [...statements, ...notCompleted.flatMap((account) => filmIds.map((id) => filmEnded(account, id, true)))];
    expect(completedLearners(withFilm)).toEqual(['w01', 'w02']);
  });

  it('cmi5: a "completed" about the AU without the cmi5 category is not a defined statement, so not the completion', () => {
    const uncategorised = (account: string) => ({
      ...(filmEnded(account, LMS_AU, true) as Record<string, unknown>),
      context: { registration: crypto.randomUUID(), contextActivities: { grouping: [{ id: PUBLISHER_AU }] } },
    });
    const defined = (account: string) => ({
      ...(uncategorised(account) as Record<string, unknown>),
      context: { registration: crypto.randomUUID(), contextActivities: { grouping: [{ id: PUBLISHER_AU }], category: [{ id: CMI5_CATEGORY }] } },
    });
    const statements = asCmi5(xapiStatements(MIXED_JOURNEYS), LMS_AU);
    expect(completedLearners([...statements, uncategorised('w03')])).toEqual(['w01', 'w02']);
    // The positive control: the same statement as a cmi5 defined one is the AU's completion.
    expect(completedLearners([...statements, defined('w03')])).toEqual(['w01', 'w02', 'w03']);
  });
});

describe('a statement handed over twice', () => {
  it('is read once: an LRS whose pages overlap does not double a learner\'s time, answers or completion', () => {
    const statements = xapiStatements(MIXED_JOURNEYS);
    const read = (list: readonly object[]) => {
      const tally = new LearnerTally(index.questions.length);
      const reader = new StatementReader(index, tally, { kind: 'auto' });
      for (const statement of list) reader.read(statement);
      return { reader, learners: [...tally.learners].map(([key, record]) => [key, record.timeSpentMs, completionOf(record).state]) };
    };
    const once = read(statements);
    const twice = read([...statements, ...statements.slice(0, 40), ...statements.slice(10)]);
    expect(twice.learners).toEqual(once.learners);
    expect(twice.reader.counts).toEqual({ ...once.reader.counts, read: once.reader.counts.read + 40 + statements.length - 10, repeated: 40 + statements.length - 10 });
  });
});
