import { describe, expect, it } from 'vitest';
import { planTracks } from '../../../tools/film/swap-track-plan.ts';

const current = { chapters: 'media/film/chapters.vtt', descriptions: 'media/film/descriptions.en-GB.vtt', transcript: 'media/film/transcript.txt' };

describe('planTracks', () => {
  it('uses every track given', () => {
    const plan = planTracks({ given: { chapters: 'c.vtt', descriptions: 'd.vtt', transcript: 't.txt' }, current, sameSource: false });
    expect(plan).toEqual({ chapters: 'given', descriptions: 'given', transcript: 'given', notes: [], errors: [] });
  });

  it('refuses to keep the old film\'s transcript, and replaces its chapters and descriptions', () => {
    const plan = planTracks({ given: {}, current, sameSource: false });
    expect(plan.transcript).toBeUndefined();
    expect(plan.errors).toEqual([expect.stringMatching(/^no --transcript given, and the course's transcript \(media\/film\/transcript\.txt\) belongs to the film being replaced\. A transcript is required .*--transcript <file\.txt>/)]);
    expect(plan.chapters).toBe('generated');
    expect(plan.descriptions).toBe('none');
    expect(plan.notes).toEqual([
      expect.stringContaining('chapters: none given, so the film gets a single chapter'),
      expect.stringContaining('descriptions: media/film/descriptions.en-GB.vtt describes the film being replaced and is removed'),
    ]);
  });

  it('keeps tracks supplied with the same source video on an earlier swap', () => {
    const plan = planTracks({ given: {}, current, sameSource: true });
    expect(plan).toMatchObject({ chapters: 'kept', descriptions: 'kept', transcript: 'kept', errors: [] });
    expect(plan.notes).toHaveLength(3);
  });

  it('prefers a given track to a kept one, and cannot keep what is not there', () => {
    const plan = planTracks({ given: { transcript: 't.txt' }, current: { transcript: current.transcript }, sameSource: true });
    expect(plan).toMatchObject({ transcript: 'given', chapters: 'generated', descriptions: 'none', errors: [] });
    expect(plan.notes).toEqual([expect.stringContaining('single chapter')]);
  });

  it('still requires a transcript when the course has none at all', () => {
    expect(planTracks({ given: {}, current: {}, sameSource: true }).errors).toEqual([expect.stringMatching(/^no --transcript given, and the course's transcript belongs/)]);
  });
});
