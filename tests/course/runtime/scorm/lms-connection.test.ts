import { describe, expect, it } from 'vitest';
import { LmsConnection } from '../../../../course/runtime/scorm/lms-connection.ts';

function api(answers: Record<string, unknown>, lastError = '0') {
  const calls: string[] = [];
  const object = {
    LMSInitialize: () => answers.init ?? 'true',
    LMSSetValue: (element: string) => {
      calls.push(element);
      if (answers.throw) throw new Error('LMS script error');
      return answers.set ?? 'true';
    },
    LMSGetValue: () => answers.get ?? '',
    LMSCommit: () => answers.commit ?? 'true',
    LMSGetLastError: () => lastError,
    LMSGetErrorString: (code: string) => `text for ${code}`,
    LMSGetDiagnostic: () => 'diagnostic',
  };
  return { object, calls };
}

describe('LMS connection', () => {
  it('checks every call with GetLastError and returns the LMS’s own words', () => {
    const lms = new LmsConnection(api({ commit: 'false' }, '101').object, '1.2', { falseWithoutErrorIsSuccess: true });
    expect(lms.commit()).toEqual({ call: 'LMSCommit', code: 101, text: 'text for 101', diagnostic: 'diagnostic' });
    expect(lms.getValue('cmi.core.student_id')).toMatchObject({ value: '', error: { code: 101 } });
  });

  it('takes a SetValue answered false with error 0 as done (a known LMS habit), but not a Commit', () => {
    const lms = new LmsConnection(api({ set: 'false', commit: false }).object, '1.2', { falseWithoutErrorIsSuccess: true });
    expect(lms.setValue('cmi.core.lesson_location', 'x')).toBeNull();
    expect(lms.commit()).toMatchObject({ code: 0, text: expect.stringContaining('without giving an error code') });
    const strict = new LmsConnection(api({ set: 'false' }).object, '1.2', { falseWithoutErrorIsSuccess: false });
    expect(strict.setValue('cmi.core.lesson_location', 'x')).toMatchObject({ element: 'cmi.core.lesson_location' });
  });

  it('accepts boolean answers and turns a throwing LMS into an error', () => {
    const lms = new LmsConnection(api({ init: true, throw: true }).object, '1.2', { falseWithoutErrorIsSuccess: true });
    expect(lms.initialize()).toBeNull();
    expect(lms.setValue('cmi.suspend_data', 'x')).toMatchObject({ code: -1, text: expect.stringContaining('LMS script error') });
    expect(new LmsConnection({}, '2004', { falseWithoutErrorIsSuccess: true }).initialize()).toMatchObject({ code: -1, text: 'The LMS has no Initialize function' });
  });

  it('reads a 2004 element that was never set (error 403) as empty, not as a failure', () => {
    const lms = new LmsConnection({ GetValue: () => '', GetLastError: () => '403', GetErrorString: () => 'not initialized', GetDiagnostic: () => '' }, '2004', { falseWithoutErrorIsSuccess: true });
    expect(lms.getValue('cmi.location')).toEqual({ value: '', error: null });
  });
});
