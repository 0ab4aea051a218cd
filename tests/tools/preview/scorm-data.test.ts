import { describe, expect, it } from 'vitest';
import type { ScormLaunch } from '../../../manifests/launch-target.ts';
import { changedElements, committedValues, decideLaunch, freshAttempt, scormSeed, type ScormAttempt } from '../../../tools/preview/scorm-data.ts';
import { formatIsoDuration, formatScorm12Timespan, parseIsoDuration, parseScorm12Timespan } from '../../../tools/preview/scorm-time.ts';

const LAUNCH_12: ScormLaunch = {
  kind: 'scorm',
  dataModel: '1.2',
  title: 'T',
  itemTitle: 'T',
  href: 'index.html',
  path: 'index.html',
  notes: [],
  dataFromLms: 'hello',
  masteryScore: '80',
  maxTimeAllowed: '',
  timeLimitAction: '',
  completionThreshold: '',
  scaledPassingScore: '',
};
const LAUNCH_2004: ScormLaunch = { ...LAUNCH_12, dataModel: '2004', dataFromLms: '', masteryScore: '', completionThreshold: '0.8', scaledPassingScore: '0.7' };

function attemptWith(overrides: Partial<ScormAttempt>): ScormAttempt {
  return { ...freshAttempt(1), ...overrides };
}

describe('decideLaunch', () => {
  it('first launch and "new attempt" are ab-initio', () => {
    expect(decideLaunch('1.2', 'resume', freshAttempt(1))).toEqual({ startNewAttempt: false, entry: 'ab-initio', notice: null });
    expect(decideLaunch('1.2', 'new-attempt', attemptWith({ sessions: 3, lastExit: 'suspend' }))).toMatchObject({ startNewAttempt: true, entry: 'ab-initio' });
  });

  it('resumes after exit "suspend" in both standards', () => {
    expect(decideLaunch('1.2', 'resume', attemptWith({ sessions: 1, lastExit: 'suspend' }))).toMatchObject({ startNewAttempt: false, entry: 'resume' });
    expect(decideLaunch('2004', 'resume', attemptWith({ sessions: 1, lastExit: 'suspend' }))).toMatchObject({ startNewAttempt: false, entry: 'resume' });
  });

  it('SCORM 1.2 keeps the data with entry "" after another exit; SCORM 2004 starts a new attempt', () => {
    const twelve = decideLaunch('1.2', 'resume', attemptWith({ sessions: 1, lastExit: '' }));
    expect(twelve).toMatchObject({ startNewAttempt: false, entry: '' });
    expect(twelve.notice).toMatch(/not "suspend"/);
    const twentyFour = decideLaunch('2004', 'resume', attemptWith({ sessions: 2, lastExit: 'normal' }));
    expect(twentyFour).toMatchObject({ startNewAttempt: true, entry: 'ab-initio' });
    expect(twentyFour.notice).toMatch(/attempt 2/);
  });
});

describe('scormSeed', () => {
  it('gives SCORM 1.2 the learner, the manifest values and the committed data, never the LMS-owned elements', () => {
    const attempt = attemptWith({
      sessions: 1,
      totalCentiseconds: 9_000,
      committed: {
        'cmi.core.lesson_location': 'p3',
        'cmi.suspend_data': 'abc',
        'cmi.core.lesson_status': 'incomplete',
        'cmi.core.exit': 'suspend',
        'cmi.core.session_time': '00:01:30',
        'cmi.core.student_id': 'someone-else',
        'cmi.core.score.raw': '',
        'cmi.interactions._count': '1',
        'cmi.interactions.0.id': 'q1',
      },
    });
    expect(scormSeed(LAUNCH_12, attempt, 'resume')).toEqual({
      'cmi.core.lesson_location': 'p3',
      'cmi.suspend_data': 'abc',
      'cmi.core.lesson_status': 'incomplete',
      'cmi.interactions.0.id': 'q1',
      'cmi.core.student_id': 'preview-learner',
      'cmi.core.student_name': 'Learner, Preview',
      'cmi.core.credit': 'credit',
      'cmi.core.lesson_mode': 'normal',
      'cmi.core.entry': 'resume',
      'cmi.core.total_time': '0000:01:30.00',
      'cmi.launch_data': 'hello',
      'cmi.student_data.mastery_score': '80',
    });
  });

  it('starts a fresh 1.2 attempt "not attempted" and gives 2004 its threshold and passing score', () => {
    expect(scormSeed(LAUNCH_12, freshAttempt(1), 'ab-initio')['cmi.core.lesson_status']).toBe('not attempted');
    const seed = scormSeed(LAUNCH_2004, freshAttempt(1), 'ab-initio');
    expect(seed).toMatchObject({ 'cmi.learner_id': 'preview-learner', 'cmi.entry': 'ab-initio', 'cmi.completion_threshold': '0.8', 'cmi.scaled_passing_score': '0.7', 'cmi.total_time': 'PT0S' });
    expect(seed['cmi.launch_data']).toBeUndefined();
  });
});

describe('commit bodies', () => {
  it('keeps string values, flattens nested objects and drops empty collections', () => {
    expect(committedValues({ 'cmi.suspend_data': 'x', 'cmi.objectives': {}, cmi: { core: { lesson_status: 'passed', score: { raw: 80 } } } })).toEqual({
      'cmi.suspend_data': 'x',
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '80',
    });
    expect(committedValues([1, 2])).toBeNull();
    expect(committedValues('text')).toBeNull();
  });

  it('lists changed, added and dropped elements', () => {
    expect(changedElements({ a: '1', b: '2', c: '3' }, { a: '1', b: '9', d: '4' })).toEqual(['b', 'c', 'd']);
  });
});

describe('SCORM time spans', () => {
  it('reads 1.2 CMITimespan and 2004 ISO 8601 durations in centiseconds', () => {
    expect(parseScorm12Timespan('00:01:30')).toBe(9_000);
    expect(parseScorm12Timespan('0001:00:00.5')).toBe(360_050);
    expect(parseScorm12Timespan('1:00:00')).toBeNull();
    expect(parseScorm12Timespan('00:61:00')).toBeNull();
    expect(parseIsoDuration('PT1H2M3.25S')).toBe(372_325);
    expect(parseIsoDuration('P1DT1S')).toBe(8_640_100);
    expect(parseIsoDuration('PT')).toBeNull();
    expect(parseIsoDuration('P')).toBeNull();
    expect(parseIsoDuration('01:02:03')).toBeNull();
  });

  it('writes both forms', () => {
    expect(formatScorm12Timespan(372_325)).toBe('0001:02:03.25');
    expect(formatIsoDuration(372_325)).toBe('PT1H2M3.25S');
    expect(formatIsoDuration(0)).toBe('PT0S');
    expect(formatIsoDuration(6_000)).toBe('PT1M');
  });
});
