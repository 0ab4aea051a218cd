import { describe, expect, it } from 'vitest';
import { findScormApi } from '../../../../course/runtime/scorm/find-api.ts';
import { fakeWindow } from '../helpers/fake-window.ts';

describe('ADL API discovery', () => {
  const api = { LMSInitialize: () => 'true' };

  it('finds the API in a parent several frames up', () => {
    const top = fakeWindow({ props: { API: api } }).win;
    let frame = top;
    for (let i = 0; i < 4; i++) frame = fakeWindow({ parent: frame }).win;
    expect(findScormApi(frame, 'API')).toBe(api);
    expect(findScormApi(frame, 'API_1484_11')).toBeNull();
  });

  it('finds it through the opener when the course runs in a pop-up', () => {
    const lms = fakeWindow({ props: { API_1484_11: api } }).win;
    const popup = fakeWindow({ opener: fakeWindow({ parent: lms }).win }).win;
    expect(findScormApi(popup, 'API_1484_11')).toBe(api);
  });

  it('steps past a frame from another origin instead of failing', () => {
    const page = fakeWindow({ parent: new Proxy({}, { get: () => { throw new DOMException('Blocked a frame', 'SecurityError'); } }) });
    expect(findScormApi(page.win, 'API')).toBeNull();
  });
});
