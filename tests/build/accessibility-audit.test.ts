// The committed audit record must describe the project as it is: the axe-core and playwright versions the end-to-end
// suite really uses (npm pins them; the distribution's browser moves on by itself), the widths it really checks, and
// every screen type the course can have. When any of these moves on, this fails until someone re-tests and updates course/content/accessibility/audit.json (and so the statement).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAccessibilityAudit, complianceStatus, checkAuditAgainstCourse, type AccessibilityAudit } from '../../build/accessibility-audit.ts';
import type { Course } from '../../course/model/types.ts';
import { CourseError } from '../../build/course/index.ts';
import { SCREEN_TYPES } from '../../course/model/types.ts';
import { AXE_WIDTHS } from '../e2e/support/axe.ts';
import { CHROMIUM_PATH, hasChromium } from '../support/chromium.ts';
import { REPO, removeTempDirs, tempDir } from './course/fixtures.ts';

const run = promisify(execFile);
let audit: AccessibilityAudit;

beforeAll(async () => {
  audit = await loadAccessibilityAudit(join(REPO, 'course', 'content'));
});
afterAll(removeTempDirs);

const installedVersion = (name: string): string =>
  (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
const toolVersion = (name: string): string | undefined => audit.tools.find((tool) => tool.name === name)?.version;

describe('course/content/accessibility/audit.json matches the project', () => {
  it('names the axe-core and playwright-core versions installed', () => {
    expect(toolVersion('axe-core'), 'axe-core was upgraded: re-run the e2e suite and update the audit record').toBe(installedVersion('axe-core'));
    expect(toolVersion('playwright-core')).toBe(installedVersion('playwright-core'));
  });

  // The audit names the browser it was made with: a fact about that day, not about this machine. Debian moves its
  // Chromium on every few weeks (a patch or a major), and such an update must never fail the suite, so the record is
  // checked for a real version, and the browser a run really drove is what that run's own output names.
  it('names the Chromium build the audit was made with, in Chromium\'s own version form', () => {
    expect(toolVersion('Chromium')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it.skipIf(!hasChromium)('can read the version of the Chromium a run drives, so a run can name it', async () => {
    const { stdout } = await run(CHROMIUM_PATH, ['--version']);
    expect(stdout).toMatch(/Chromium \d+\.\d+\.\d+\.\d+ /);
  });

  // Issue 18: the accessibility-tree walk (tests/course/player/screen-reader-walk.browser.test.ts) writes that record.
  it('says what the accessibility-tree walk covers, where its record is, and what still needs a real screen reader', () => {
    const method = audit.methods.find((text) => text.includes("Chromium's accessibility tree") && text.includes('whole course'));
    expect(method, 'no method describes the accessibility-tree walk').toBeDefined();
    const record = /course\/player\/[\w-]+\.md/.exec(method!)?.[0];
    expect(record).toBe('course/player/what-a-screen-reader-hears.md');
    expect(existsSync(join(REPO, record!))).toBe(true);
    const gap = audit.limitations.find((text) => text.includes('screen readers'));
    for (const reader of ['NVDA', 'JAWS', 'VoiceOver']) expect(gap).toContain(reader);
  });

  it('lists the widths the axe-core scans use', () => {
    expect([...audit.widths].sort((a, b) => a - b)).toEqual([...AXE_WIDTHS]);
  });

  it('covers every screen type of the course and of the course schema', () => {
    const course = JSON.parse(readFileSync(join(REPO, 'course/content/course.json'), 'utf8')) as { sections: { screens: { type: string }[] }[] };
    const used = new Set(course.sections.flatMap((section) => section.screens.map((screen) => screen.type)));
    expect(SCREEN_TYPES.length).toBeGreaterThanOrEqual(8);
    for (const type of new Set([...used, ...SCREEN_TYPES])) expect(audit.screenTypes, `screen type "${type}" not covered by the audit`).toContain(type);
  });

  it('has dates in order and none in the future', () => {
    const today = new Date().toISOString().slice(0, 10);
    const { testedOn, statement } = audit;
    expect(testedOn <= today && statement.preparedOn <= today && statement.reviewedOn <= today).toBe(true);
    expect(statement.reviewedOn >= statement.preparedOn).toBe(true);
    expect(statement.reviewedOn >= testedOn).toBe(true);
  });

  it('says "fully" only while no known issue is recorded and the testing has no gaps', () => {
    expect(complianceStatus({ ...audit, knownIssues: [], limitations: [] })).toBe('fully');
    expect(complianceStatus({ ...audit, knownIssues: [], limitations: ['No screen reader testing yet.'] })).toBe('not-fully-tested');
    expect(complianceStatus({ ...audit, knownIssues: [{ description: 'x', criteria: ['1.4.3 Contrast (Minimum)'] }] })).toBe('partially');
  });
});

describe('checkAuditAgainstCourse (issue 15.7)', () => {
  const course = (): Course => JSON.parse(readFileSync(join(REPO, 'course/content/course.json'), 'utf8')) as Course;

  it('passes the shipped course, whose film has audio description', () => {
    expect(checkAuditAgainstCourse(audit, course(), 'audit.json')).toEqual([]);
  });

  it('refuses a record with no WCAG 1.2.5 issue for a film without descriptions, naming the field; accepts one that names it', () => {
    const withoutDescriptions = course();
    delete withoutDescriptions.film.descriptions;
    expect(checkAuditAgainstCourse(audit, withoutDescriptions, 'audit.json')).toEqual([
      expect.objectContaining({ file: 'audit.json', pointer: '/knownIssues', message: expect.stringContaining('no known issue names WCAG 1.2.5 Audio Description (Prerecorded)') }),
    ]);
    const recorded = { ...audit, knownIssues: [{ description: 'No audio description yet.', criteria: ['1.2.5 Audio Description (Prerecorded)'] }] };
    expect(checkAuditAgainstCourse(recorded, withoutDescriptions, 'audit.json')).toEqual([]);
  });
});

describe('loadAccessibilityAudit', () => {
  it('refuses a record that breaks its schema, naming file and field', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'accessibility'));
    const broken = { ...JSON.parse(readFileSync(join(REPO, 'course/content/accessibility/audit.json'), 'utf8')), testedOn: '26/11/2026' };
    await writeFile(join(dir, 'accessibility/audit.json'), JSON.stringify(broken));
    const error = await loadAccessibilityAudit(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CourseError);
    expect((error as CourseError).problems).toMatchObject([{ file: join(dir, 'accessibility/audit.json'), pointer: '/testedOn' }]);
  });

  it('refuses a course folder without a record', async () => {
    const error = await loadAccessibilityAudit(await tempDir()).catch((caught: unknown) => caught);
    expect((error as CourseError).problems[0]?.message).toBe('cannot read the file: it does not exist');
  });
});
