// The view registry (course/screen-types/view.ts) says what the frame did by type before it was a registry: the
// welcome screen drawn at once, every other type fetched as a chunk, all but the film prefetched, and the summary
// and the reflection screen waiting for the whole course's text.
import { describe, expect, it } from 'vitest';
import { screenViews, tickedOnceCourseComplete } from '../../../course/screen-types/view.ts';
import type { Screen } from '../../../course/model/types.ts';

const entries = Object.entries(screenViews);

describe('the view registry', () => {
  it('draws only the welcome screen at once; every other type is fetched when first shown', () => {
    expect(entries.filter(([, view]) => 'component' in view).map(([type]) => type)).toEqual(['welcome']);
  });

  it('prefetches every lazy type but the film', () => {
    const notPrefetched = entries.filter(([, view]) => 'load' in view && !view.prefetch).map(([type]) => type);
    expect(notPrefetched).toEqual(['film']);
  });

  it('has the summary and the reflection screen wait for the whole course, the others for their section', () => {
    const whole = entries.filter(([, view]) => 'load' in view && view.waitsFor === 'course').map(([type]) => type);
    expect(whole.sort()).toEqual(['reflection', 'summary']);
  });

  it('holds back the tick in the section menu for the summary alone', () => {
    const held = entries.filter(([type]) => tickedOnceCourseComplete({ type } as Screen)).map(([type]) => type);
    expect(held).toEqual(['summary']);
  });
});
