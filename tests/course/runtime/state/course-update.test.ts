// A learner part-way through course 1.0.0 when a trust updates the package to this course: their saved state still
// decodes, what did not change is kept (their reflections above all), and what changed starts again with a notice
// that says so; a state without a seed gets one.
import { enGBPages } from '../../../../course/player/strings/en-GB.pages.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Course } from '../../../../course/model/types.ts';
import { decodeState, encodeState } from '../../../../course/runtime/state/codec.ts';
import { emptyLearnerState, NO_SEED, type LearnerState } from '../../../../course/runtime/state/learner-state.ts';
import { mapCourse } from '../../../../course/player/logic/course-map.ts';
import { resumeFrom } from '../../../../course/player/state/resume.ts';

const old = JSON.parse(readFileSync(new URL('../../../fixtures/courses/course-1.0.0/course.json', import.meta.url), 'utf8')) as Course;
const current = JSON.parse(readFileSync(new URL('../../../../course/content/course.json', import.meta.url), 'utf8')) as Course;

/** Half-way through 1.0.0: welcome, ratings, film, the first scenario, two reflections written, now on the reflections. */
function midCourse(): LearnerState {
  const scenario = old.sections.flatMap((s) => s.screens).find((s) => s.type === 'scenario')!;
  if (scenario.type !== 'scenario') throw new Error('shape');
  const step = scenario.steps[0]!;
  return {
    ...emptyLearnerState('about-this-course'),
    location: 'your-reflections',
    completedScreens: ['about-this-course', 'confidence-before', 'watch-the-film', scenario.id],
    scenarioPaths: { [scenario.id]: [[step.id, step.choices[0]!.id], ['colleague-doubts', 'explain-calmly']] },
    confidence: { before: Object.fromEntries(old.confidence.items.map((item) => [item.id, 2])), after: {} },
    reflections: { 'refl-challenge-well': 'A colleague asked his name first.', 'refl-small-action': 'Sit down when I talk to people.' },
    film: { position: 120, played: [[0, 120]] },
    secondsSpent: 900,
  };
}

describe('a state saved by course 1.0.0, opened by this course', () => {
  const saved = encodeState(midCourse(), old);
  const decoded = decodeState(saved, current);

  it('decodes, keeping the reflections and the sections that did not change, and names what starts again', () => {
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(decoded.reason).toBe('course-changed');
    expect(decoded.salvaged?.reflections).toEqual(midCourse().reflections);
    expect(decoded.salvaged?.completedScreens).toContain('about-this-course');
    expect(decoded.damage).toEqual({ progressLost: false, reflectionsLost: 0, reflectionCut: false });
    // The player's words for it: why, what starts again, and that the rest is kept.
    const words = enGBPages.notices.sectionsRestarted(decoded.reason, decoded.damage, enGBPages.notices.sectionList(['The film']));
    expect(words).toMatch(/^This course has been updated since your last visit/);
    expect(words).toContain('You will start the section “The film” again.');
    expect(words).toMatch(/Everything else you had done has been kept\.$/);
  });

  it('resumes with a notice, the reflections intact and a seed of the learner\u2019s own', () => {
    const resumed = resumeFrom(current, mapCourse(current), decoded, () => 4321);
    expect(resumed.notice?.kind).toBe('sections-restarted');
    expect(resumed.state.reflections).toEqual(midCourse().reflections);
    expect(resumed.state.seed).toBe(4321);
    expect(resumed.state.seed).not.toBe(NO_SEED);
  });
});
