// The accessibility statement page: PSBAR's sections, written from the variant and the audit record, safe with any
// variant text, and self-contained.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Course, Variant } from '../../course/model/types.ts';
import { accessibilityStatement } from '../../build/accessibility-statement.ts';
import { loadAccessibilityAudit, type AccessibilityAudit } from '../../build/accessibility-audit.ts';
import { loadCourse } from '../../build/course/index.ts';
import { REPO } from './course/fixtures.ts';

let course: Course;
let audit: AccessibilityAudit;
beforeAll(async () => {
  course = await loadCourse(join(REPO, 'course', 'content'));
  audit = await loadAccessibilityAudit(join(REPO, 'course', 'content'));
});

const trust = (overrides: Partial<Variant> = {}): Variant => ({
  id: 'test-trust',
  displayName: 'Common Ground (Test Trust)',
  organisation: 'Test NHS Trust (fictional)',
  standards: ['scorm12'],
  reflections: 'private',
  branding: { colours: { header: '#330072', accent: '#006747' } },
  accessibility: { email: 'access@trust.example.org', phone: '0113 496 0580', responseDays: 10 },
  ...overrides,
});

describe('accessibilityStatement', () => {
  it('has the sections the model statement asks for', () => {
    const html = accessibilityStatement({ course, variant: trust(), audit });
    const headings = [...html.matchAll(/<h([1-3])>([^<]*)<\/h\1>/g)].map((match) => `h${match[1]} ${match[2]}`);
    expect(headings).toEqual([
      'h1 Accessibility statement for Common Ground (Test Trust)',
      'h2 Asking for the course in another format',
      'h2 Reporting accessibility problems with this course',
      'h2 Enforcement procedure',
      'h2 Technical information about this course’s accessibility',
      'h3 Compliance status',
      'h3 Non-accessible content',
      'h2 How we tested this course',
      'h2 Preparation of this accessibility statement',
    ]);
    expect(html).toContain('Equality and Human Rights Commission (EHRC)');
    expect(html).toContain('Equality Advisory and Support Service (EASS)');
    expect(html).toContain('Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018');
  });

  it('gives the variant’s accessibility contact and response time', () => {
    const html = accessibilityStatement({ course, variant: trust(), audit });
    expect(html).toContain('<a href="mailto:access@trust.example.org">access@trust.example.org</a>');
    expect(html).toContain('<a href="tel:+441134960580">0113 496 0580</a>');
    expect(html).toContain('within 10 working days');
    expect(html).toContain('Test NHS Trust (fictional) is committed');
  });

  it('without an accessibility contact, sends people to the organisation and promises no deadline', () => {
    const { accessibility: _none, branding: _branding, ...plain } = trust();
    const html = accessibilityStatement({ course, variant: plain, audit });
    expect(html).not.toContain('mailto:');
    expect(html).toContain('Contact the learning and development team at Test NHS Trust (fictional)');
    expect(html).toContain('as soon as we can');
    // No branding: the NHS Blue defaults.
    expect(html).toContain('.band { background: #005EB8;');
  });

  it('reports the audit: status, tools with versions, widths, screens, limits, dates', () => {
    const html = accessibilityStatement({ course, variant: trust(), audit });
    // The audit records gaps in its testing, so it must not claim full compliance.
    expect(audit.limitations.length).toBeGreaterThan(0);
    expect(html).toContain('This course is partially compliant with the');
    expect(html).toContain('we do not claim full compliance until it has');
    expect(html).not.toContain('fully compliant');
    expect(html).toContain('We know of no content in this course that fails to meet the standard.');
    expect(html).toContain(`axe-core ${audit.tools.find((tool) => tool.name === 'axe-core')!.version}:`);
    expect(html).toContain('at course widths of 320 and 1280 CSS pixels');
    expect(html).toContain('knowledge check, reflection, voices');
    expect(html).toContain('has not yet been tested with screen readers');
    expect(html).toContain('This course was last tested on 6 December 2026');
    expect(html).toContain(`It applies to version ${course.version} of the course.`);
  });

  it('says "fully compliant" only when the testing has no gaps and found no issue', () => {
    const html = accessibilityStatement({ course, variant: trust(), audit: { ...audit, limitations: [] } });
    expect(html).toContain('This course is fully compliant with the');
    expect(html).not.toContain('What the testing has not covered yet');
  });

  it('says "partially compliant" and lists known issues when the audit has any', () => {
    const withIssue: AccessibilityAudit = {
      ...audit,
      knownIssues: [{ description: 'The film’s chapter list is not announced <yet>.', criteria: ['4.1.3 Status Messages'], plannedFix: 'We will fix this by March 2027.' }],
    };
    const html = accessibilityStatement({ course, variant: trust(), audit: withIssue });
    expect(html).toContain('This course is partially compliant with the');
    expect(html).toContain('due to the non-compliances listed below');
    expect(html).toContain('<li>The film’s chapter list is not announced &lt;yet&gt;. This fails WCAG 2.2 success criterion 4.1.3 Status Messages. We will fix this by March 2027.</li>');
    expect(html).not.toContain('We know of no content');
  });

  it('escapes every piece of variant text', () => {
    const hostile = trust({
      displayName: 'Course <img src=x onerror=alert(1)>',
      organisation: 'Trust "A" & <script>alert(1)</script>',
      accessibility: { email: 'a"onmouseover="x@trust.example.org' },
    });
    const html = accessibilityStatement({ course, variant: hostile, audit });
    expect(html).not.toMatch(/<script|<img|"onmouseover/);
    expect(html).toContain('Course &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Trust &quot;A&quot; &amp; &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('href="mailto:a&quot;onmouseover=&quot;x@trust.example.org"');
  });

  it('is one self-contained page in British English with the variant’s colours', () => {
    const html = accessibilityStatement({ course, variant: trust(), audit });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // Nothing loaded from anywhere: no scripts, images, style sheets, frames, fonts or CSS urls.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|@font-face|url\(|\ssrc=/i);
    // Only links a reader follows: the contact, EASS and WCAG.
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['mailto:access@trust.example.org', 'tel:+441134960580', 'https://www.equalityadvisoryservice.com/', 'https://www.w3.org/TR/WCAG22/']);
    expect(html).toContain('.band { background: #330072;');
    expect(html).toContain('a { color: #006747;');
    // Reflows at 400 % zoom: no fixed pixel widths anywhere in the style sheet.
    expect(html).not.toMatch(/(?:width|min-width)\s*:\s*\d+px/);
  });

  it('is the same for the same input (rebuilds give identical packages)', () => {
    expect(accessibilityStatement({ course, variant: trust(), audit })).toBe(accessibilityStatement({ course, variant: trust(), audit }));
  });
});
