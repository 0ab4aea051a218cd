// A variant's LMS profile (variant.lmsProfile, checked by the build) reaches the SCORM session and changes what it
// writes: ESR's missing objectives, the minimal profile's missing interactions; and every profile reports a learner
// failed for good as failed.
import { describe, expect, it } from 'vitest';
import { LMS_PROFILE_IDS } from '../../../course/model/types.ts';
import { LMS_PROFILES, resolveLmsProfile } from '../../../course/runtime/lms-profiles.ts';
import type { AnswerRecord } from '../../../course/runtime/tracker.ts';
import { lmsServerPerTest, type LmsServer } from './helpers/scorm-lms.ts';
import { launchScorm, setValues } from './helpers/scorm-launch.ts';
import { loadCourse, runtimeConfig } from './helpers/course-fixtures.ts';
import { scaleChoices } from '../../../course/runtime/answer-choices.ts';

const course = loadCourse();
const sectionId = course.sections[1]!.id;
const item = course.confidence.items[0]!;
const rating: AnswerRecord = { id: `confidence-before.${item.id}`, type: 'likert', description: item.statement, response: ['4'], result: 'neutral', latencyMs: 1800, choices: scaleChoices(course.confidence.scaleLabels) };
const failedRun = { completed: true, passed: false, scaled: 0.4, progress: 1 };

let server: LmsServer;
lmsServerPerTest((installed) => (server = installed));

describe('LMS profiles', () => {
  it('resolves every profile id a variant may name, and the standard profile when it names none', () => {
    for (const id of LMS_PROFILE_IDS) {
      const config = runtimeConfig('scorm12');
      config.variant.lmsProfile = id;
      expect(resolveLmsProfile(config)).toBe(LMS_PROFILES[id]);
    }
    expect(resolveLmsProfile(runtimeConfig('scorm12')).id).toBe('standard');
  });

  it('moodle: a learner failed for good is reported "failed", as in every profile, so a manager can tell them from one in progress (issue 12.6)', async () => {
    for (const lmsProfile of LMS_PROFILE_IDS) {
      const run = await launchScorm({ lmsProfile });
      run.tracker.setOutcome(failedRun);
      await run.tracker.exit('suspend');
      expect(server.record?.['cmi.core.lesson_status'], lmsProfile).toBe('failed');
      expect(server.record?.['cmi.core.score.raw'], lmsProfile).toBe('40');
    }
  });

  it.each(['scorm12', 'scorm2004-3rd'] as const)('esr (%s): reports no objectives, but still the interactions', async (standard) => {
    const esr = await launchScorm({ standard, lmsProfile: 'esr' });
    esr.tracker.recordProgress(sectionId, 1);
    esr.tracker.recordAnswer(rating);
    await esr.tracker.exit('suspend');
    const written = Object.keys(setValues(esr.lms));
    expect(written.filter((e) => e.startsWith('cmi.objectives.'))).toEqual([]);
    expect(written).toContain('cmi.interactions.0.id');

    const standardRun = await launchScorm({ standard });
    standardRun.tracker.recordProgress(sectionId, 1);
    expect(Object.keys(setValues(standardRun.lms))).toContain('cmi.objectives.0.id');
  });

  it('minimal: neither objectives nor interactions, and nothing kept waiting for them', async () => {
    const run = await launchScorm({ standard: 'scorm2004-4th', lmsProfile: 'minimal' });
    run.tracker.recordProgress(sectionId, 1);
    run.tracker.recordAnswer(rating);
    await run.tracker.exit('finish');
    expect(Object.keys(setValues(run.lms)).filter((e) => /^cmi\.(objectives|interactions)\./.test(e))).toEqual([]);
    expect(setValues(run.lms)['adl.nav.request']).toBeUndefined();
  });
});
