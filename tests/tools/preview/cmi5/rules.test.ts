import { describe, expect, it } from 'vitest';
import { cmi5Problems, emptyHistory, moveOnMet, recordInHistory, type Cmi5History, type Cmi5Launch } from '../../../../tools/preview/cmi5/rules.ts';
import { CATEGORY, EXTENSION, VERB } from '../../../../tools/preview/cmi5/vocabulary.ts';

const LAUNCH: Cmi5Launch = {
  activityId: 'https://lms.example/au/1',
  registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
  sessionId: 'session-1',
  publisherId: 'https://publisher.example/au',
  launchMode: 'Normal',
  masteryScore: 0.8,
};

/** A cmi5 defined statement of `verb`, following every rule unless `change` breaks one. */
function defined(verb: string, change: (statement: Record<string, any>) => void = () => {}): Record<string, unknown> {
  const moveOn = verb === VERB.completed || verb === VERB.passed || verb === VERB.failed;
  const statement: Record<string, any> = {
    actor: { objectType: 'Agent', account: { homePage: 'https://lms.example', name: 'u1' } },
    verb: { id: verb },
    object: { id: LAUNCH.activityId },
    context: {
      registration: LAUNCH.registration,
      contextActivities: { category: [{ id: CATEGORY.cmi5 }, ...(moveOn ? [{ id: CATEGORY.moveOn }] : [])], grouping: [{ id: LAUNCH.publisherId }] },
      extensions: { [EXTENSION.sessionId]: LAUNCH.sessionId },
    },
  };
  if (verb === VERB.completed) statement.result = { completion: true, duration: 'PT1M' };
  if (verb === VERB.passed) statement.result = { success: true, score: { scaled: 0.9 }, duration: 'PT1M' };
  if (verb === VERB.failed) statement.result = { success: false, score: { scaled: 0.5 }, duration: 'PT1M' };
  if (verb === VERB.terminated) statement.result = { duration: 'PT2M' };
  if (verb === VERB.passed || verb === VERB.failed) statement.context.extensions[EXTENSION.masteryScore] = 0.8;
  change(statement);
  return statement;
}

function historyOf(...statements: Record<string, unknown>[]): Cmi5History {
  return statements.reduce<Cmi5History>((history, statement) => recordInHistory(history, statement), emptyHistory());
}

describe('cmi5Problems', () => {
  it('finds nothing wrong with a well-formed session', () => {
    const session = [VERB.initialized, VERB.completed, VERB.passed, VERB.terminated].map((verb) => defined(verb));
    session.forEach((statement, index) => expect(cmi5Problems(statement, LAUNCH, historyOf(...session.slice(0, index)))).toEqual([]));
  });

  it('requires "initialized" first and nothing after "terminated"', () => {
    expect(cmi5Problems(defined(VERB.completed), LAUNCH, emptyHistory()).join()).toMatch(/first statement of a session must be "initialized"/);
    const after = cmi5Problems(defined(VERB.completed), LAUNCH, historyOf(defined(VERB.initialized), defined(VERB.terminated)));
    expect(after.join()).toMatch(/after "terminated"/);
  });

  it('checks the result rules of each verb', () => {
    const initialized = historyOf(defined(VERB.initialized));
    expect(cmi5Problems(defined(VERB.completed, (s) => delete s.result.duration), LAUNCH, initialized).join()).toMatch(/duration is required/);
    expect(cmi5Problems(defined(VERB.completed, (s) => (s.result.score = { scaled: 1 })), LAUNCH, initialized).join()).toMatch(/only passed and failed may carry a score/);
    expect(cmi5Problems(defined(VERB.passed, (s) => (s.result.score.scaled = 0.5)), LAUNCH, initialized).join()).toMatch(/below the masteryScore/);
    expect(cmi5Problems(defined(VERB.failed, (s) => delete s.context.extensions[EXTENSION.masteryScore]), LAUNCH, initialized).join()).toMatch(/masteryScore context extension/);
    expect(cmi5Problems(defined(VERB.completed, (s) => (s.context.contextActivities.category = [{ id: CATEGORY.cmi5 }])), LAUNCH, initialized).join()).toMatch(/needs the moveOn category/);
  });

  it('checks registration-wide rules: one completed, no failed after passed', () => {
    const earlier = historyOf(defined(VERB.initialized), defined(VERB.completed), defined(VERB.passed), defined(VERB.terminated));
    const nextSession: Cmi5History = { ...emptyHistory(), registrationDefinedVerbs: earlier.registrationDefinedVerbs, sessionVerbs: [VERB.initialized], sessionDefinedVerbs: [VERB.initialized] };
    expect(cmi5Problems(defined(VERB.completed), LAUNCH, nextSession).join()).toMatch(/completed: already sent in this registration/);
    expect(cmi5Problems(defined(VERB.failed), LAUNCH, nextSession).join()).toMatch(/failed: must not follow passed/);
  });

  it('checks the launch context: registration, session id, object, publisher grouping', () => {
    const problems = cmi5Problems(
      defined(VERB.initialized, (s) => {
        s.context.registration = '00000000-0000-4000-8000-000000000000';
        s.context.extensions = {};
        s.object.id = 'https://publisher.example/au';
        s.context.contextActivities.grouping = [];
      }),
      LAUNCH,
      emptyHistory(),
    ).join('\n');
    expect(problems).toMatch(/registration/);
    expect(problems).toMatch(/session id/);
    expect(problems).toMatch(/object.id must be the launch activityId/);
    expect(problems).toMatch(/publisher id/);
  });

  it('lets "cmi5 allowed" statements through, but not with the moveOn category', () => {
    const allowed = defined('https://example.org/verbs/watched', (s) => (s.context.contextActivities.category = []));
    expect(cmi5Problems(allowed, LAUNCH, historyOf(defined(VERB.initialized)))).toEqual([]);
    allowed.context = { ...(allowed.context as object), contextActivities: { category: [{ id: CATEGORY.moveOn }] } };
    expect(cmi5Problems(allowed, LAUNCH, historyOf(defined(VERB.initialized))).join()).toMatch(/only cmi5 defined statements may carry the moveOn category/);
  });
});

describe('moveOnMet', () => {
  it('follows the five moveOn values', () => {
    expect(moveOnMet('NotApplicable', [])).toBe(true);
    expect(moveOnMet('Completed', [VERB.passed])).toBe(false);
    expect(moveOnMet('Passed', [VERB.passed])).toBe(true);
    expect(moveOnMet('CompletedAndPassed', [VERB.completed])).toBe(false);
    expect(moveOnMet('CompletedAndPassed', [VERB.completed, VERB.passed])).toBe(true);
    expect(moveOnMet('CompletedOrPassed', [VERB.completed])).toBe(true);
  });
});
