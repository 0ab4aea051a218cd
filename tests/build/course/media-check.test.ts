// resolveCoursePath on its own: the last line of defence for what goes into a package.
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCoursePath } from '../../../build/course/index.ts';

const ROOT = resolve('/srv/course');

describe('resolveCoursePath', () => {
  it('resolves a plain relative path inside the course folder', () => {
    expect(resolveCoursePath(ROOT, 'media/film/film.mp4')).toEqual({ path: join(ROOT, 'media/film/film.mp4') });
  });

  it.each([
    ['../secret.txt', /goes up out of the course folder/],
    ['media/../../secret.txt', /goes up out of the course folder/],
    ['/etc/passwd', /absolute path/],
    ['C:/Windows/win.ini', /absolute path/],
    ['media\\film\\film.mp4', /backslash/],
    ['https://cdn.example.org/film.mp4', /is a URL/],
    ['media//film.mp4', /empty or "\." part/],
    ['./media/film.mp4', /empty or "\." part/],
    ['', /is empty/],
  ])('refuses %j', (path, reason) => {
    const result = resolveCoursePath(ROOT, path);
    expect('reason' in result && result.reason).toMatch(reason);
  });
});
