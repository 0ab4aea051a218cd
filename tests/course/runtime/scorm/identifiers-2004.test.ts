// SCORM 2004 identifiers as strict LMSs take them (issue 12.1): every id the course schema allows is written as a
// short identifier Moodle accepts, no two ids become one, and the mapping can be undone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromShortIdentifier2004, longIdentifier2004, shortIdentifier2004 } from '../../../../course/runtime/scorm/identifiers-2004.ts';
import { scorm2004Model } from '../../../../course/runtime/scorm/data-model-2004.ts';
import { interactionElements } from '../../../../course/runtime/scorm/data-model.ts';
import { optionChoices, scaleChoices } from '../../../../course/runtime/answer-choices.ts';
import { SHORT_IDENTIFIER, LONG_IDENTIFIER } from '../../../../tools/preview/client/strict-types.ts';
import { strict2004Refusal } from '../../../../tools/preview/client/strict-scorm2004.ts';
import { loadCourse } from '../helpers/course-fixtures.ts';
import type { AnswerChoice } from '../../../../course/runtime/tracker.ts';

/** A deterministic stream of test strings: slugs, and anything at all. */
function* samples(count: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  const alphabet = 'abcxyz019-_. :%{}[,]éø\u{1F600}\t';
  for (let n = 0; n < count; n++) {
    const length = 1 + (next() % 20);
    yield Array.from({ length }, () => [...alphabet][next() % [...alphabet].length]).join('');
  }
}

describe('SCORM 2004 short identifiers', () => {
  it('writes slugs readably ("-" as "_") and as Moodle takes them', () => {
    expect(shortIdentifier2004('one-in-three')).toBe('one_in_three');
    expect(shortIdentifier2004('assess-fully')).toBe('assess_fully');
    expect(SHORT_IDENTIFIER.test(shortIdentifier2004('a-b-c-1')!)).toBe(true);
  });

  it('undoes the mapping for any string, so no two ids map to one', () => {
    const seen = new Map<string, string>();
    for (const id of samples(5000)) {
      const written = shortIdentifier2004(id);
      if (written === null) continue;
      expect(SHORT_IDENTIFIER.test(written), `${JSON.stringify(id)} → ${written}`).toBe(true);
      expect(fromShortIdentifier2004(written)).toBe(id);
      const earlier = seen.get(written);
      if (earlier !== undefined) expect(earlier).toBe(id);
      seen.set(written, id);
    }
    // The easy collisions of a plain replacement stay apart.
    expect(new Set(['a-b', 'a_b', 'a.b', 'a b'].map(shortIdentifier2004)).size).toBe(4);
  });

  it('refuses to write what cannot be one (empty, or over 250 once written)', () => {
    expect(shortIdentifier2004('')).toBeNull();
    expect(shortIdentifier2004('x'.repeat(251))).toBeNull();
    expect(shortIdentifier2004('é'.repeat(50))).toHaveLength(250);
    expect(shortIdentifier2004('é'.repeat(51))).toBeNull();
  });

  it('holds for every id the course schema allows: its slugs use only a-z, 0-9 and "-", at most 64', () => {
    const schema = JSON.parse(readFileSync('course/schema/course.schema.json', 'utf8')) as { $defs: { slug: { pattern: string; maxLength: number } } };
    const slug = new RegExp(schema.$defs.slug.pattern);
    const allowed = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i))].filter((c) => slug.test(`a${c}a`));
    for (const c of allowed) expect(c, 'a character the slug allows').toMatch(/^[a-z0-9-]$/);
    expect(schema.$defs.slug.maxLength).toBeLessThanOrEqual(250);
  });
});

describe('SCORM 2004 long identifiers', () => {
  it('keeps ids without white space as they are, escapes the rest reversibly, and never opens a false URN', () => {
    expect(longIdentifier2004('scenario.ed-chest-pain.triage')).toBe('scenario.ed-chest-pain.triage');
    expect(new Set(['a b', 'a%0020b', 'a_b'].map(longIdentifier2004)).size).toBe(3);
    for (const id of samples(2000)) {
      const written = longIdentifier2004(id);
      if (written !== null) expect(LONG_IDENTIFIER.test(written), `${JSON.stringify(id)} → ${written}`).toBe(true);
    }
    expect(LONG_IDENTIFIER.test(longIdentifier2004('urn:not a urn')!)).toBe(true);
  });
});

describe('what the 2004 data model writes for the real course', () => {
  it('passes the strict LMS for every answer of every question, scenario step and rating', () => {
    const course = loadCourse();
    const model = scorm2004Model('scorm2004-4th');
    const answers: { id: string; description: string; options: AnswerChoice[]; correct: string[]; kind: 'choice' | 'likert' }[] = [];
    for (const screen of course.sections.flatMap((s) => s.screens)) {
      if (screen.type === 'knowledge-check') for (const q of screen.questions) answers.push({ id: `${screen.id}.${q.id}`, description: q.prompt, options: optionChoices(q.options), correct: q.options.filter((o) => o.correct).map((o) => o.id), kind: 'choice' });
      if (screen.type === 'scenario') for (const step of screen.steps) answers.push({ id: `${screen.id}.${step.id}`, description: step.question, options: optionChoices(step.choices), correct: step.choices.filter((c) => c.quality === 'helpful').map((c) => c.id), kind: 'choice' });
      if (screen.type === 'confidence') for (const item of course.confidence.items) answers.push({ id: `${screen.id}.${item.id}`, description: item.statement, options: scaleChoices(course.confidence.scaleLabels), correct: [], kind: 'likert' });
    }
    for (const cue of course.film.cuePoints) answers.push({ id: `${course.film.id}.${cue.id}`, description: cue.question.prompt, options: optionChoices(cue.question.options), correct: cue.question.options.filter((o) => o.correct).map((o) => o.id), kind: 'choice' });
    expect(answers.length).toBeGreaterThan(10);
    const refused: string[] = [];
    for (const a of answers) {
      for (const option of a.options) {
        const answer = { id: a.id, type: a.kind, description: a.description, response: [option.id], ...(a.kind === 'choice' ? { correct: a.correct } : {}), result: 'neutral' as const, latencyMs: 1500, choices: a.options };
        const writes = interactionElements(model.interaction({ answer, now: new Date('2025-03-04T10:11:12.345Z'), language: course.language }), 0);
        const held: Record<string, string> = {};
        for (const { element, value } of writes) {
          const refusal = strict2004Refusal(element, value, (name) => held[name]);
          if (refusal) refused.push(refusal.reason);
          else held[element] = value;
        }
        expect(held['cmi.interactions.0.type']).toBe(a.kind);
      }
    }
    expect(refused).toEqual([]);
  });
});
