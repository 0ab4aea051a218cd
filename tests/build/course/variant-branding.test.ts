// Trust variants' branding, contacts, accessibility contact and LMS profile: a good variant passes, and each broken
// one gets exactly one problem naming the file and the JSON pointer of the field, with a message that says why.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Course } from '../../../course/model/types.ts';
import { formatProblems, loadCourse, loadVariant, loadVariants } from '../../../build/course/index.ts';
import { REPO, problemsOf, removeTempDirs, tempDir, type Json } from './fixtures.ts';
import { pngLogo, svgLogo } from './logo-fixtures.ts';

let course: Course;
beforeAll(async () => {
  // The real course: these checks do not depend on its content beyond the completion rule (all-sections-and-pass).
  course = await loadCourse(join(REPO, 'course', 'content'));
});
afterAll(removeTempDirs);

function goodVariant(): Json {
  return {
    id: 'test-trust',
    displayName: 'Common Ground (Test Trust)',
    organisation: 'Test NHS Trust (fictional)',
    standards: ['scorm12', 'scorm2004-3rd'],
    lmsProfile: 'standard',
    reflections: 'private',
    branding: { logo: { file: 'logos/logo.svg', alt: 'Test NHS Trust' }, colours: { header: '#003087', accent: '#005eb8' } },
    contacts: [
      { role: 'staff-support', name: 'Staff Support Line', phone: '0113 496 0000' },
      { role: 'freedom-to-speak-up', name: 'Freedom to Speak Up Guardian', email: 'speakup@trust.example.org', url: 'https://intranet.trust.example.org/ftsu' },
    ],
    accessibility: { email: 'access@trust.example.org', phone: '+44 (0)20 7946 0001', responseDays: 10 },
  };
}

type Files = Record<string, string | Uint8Array>;

/** A variants folder holding `variant` as trust.json and `files` (default: a good logo at logos/logo.svg). */
async function variantFolder(variant: Json, files: Files = { 'logos/logo.svg': svgLogo() }): Promise<string> {
  const dir = await tempDir();
  for (const [path, contents] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), contents);
  }
  const file = join(dir, 'trust.json');
  await writeFile(file, JSON.stringify(variant, null, 2));
  return file;
}

describe('a complete trust variant', () => {
  it('passes with an SVG logo', async () => {
    const file = await variantFolder(goodVariant());
    expect((await loadVariant(file, course)).branding?.colours?.header).toBe('#003087');
  });

  it('passes with a PNG logo', async () => {
    const variant = goodVariant();
    variant.branding.logo.file = 'logo.png';
    const file = await variantFolder(variant, { 'logo.png': pngLogo(240, 80) });
    expect((await loadVariant(file, course)).branding?.logo?.file).toBe('logo.png');
  });

  it('both shipped examples and the default load from the real variants folder', async () => {
    const variants = await loadVariants(join(REPO, 'course/content/variants'), course);
    expect(variants.map((variant) => variant.id)).toEqual(['default', 'example-acute-trust', 'example-mental-health-trust']);
    const [, acute, mentalHealth] = variants;
    expect(acute).toMatchObject({ lmsProfile: 'moodle', standards: ['scorm12'], reflections: 'private', completion: { passMark: 70 } });
    expect(mentalHealth).toMatchObject({ lmsProfile: 'esr', standards: ['scorm12', 'scorm2004-3rd'], reflections: 'shared' });
    for (const variant of [acute!, mentalHealth!]) {
      expect(variant.organisation).toMatch(/\(fictional\)$/);
      expect(variant.contacts?.map((contact) => contact.role)).toEqual(['staff-support', 'freedom-to-speak-up', 'occupational-health']);
    }
  });
});

interface BadCase {
  name: string;
  change: (variant: Json, files: Files) => void;
  pointer: string;
  message: RegExp;
}

const svgWith = (inside: string): string => svgLogo({ inside });

const BAD: BadCase[] = [
  // Logo
  { name: 'logo file missing', change: (v) => (v.branding.logo.file = 'logos/nothing.svg'), pointer: '/branding/logo/file', message: /^"logos\/nothing\.svg" does not exist \(looked for .*logos\/nothing\.svg\)/ },
  { name: 'logo file misspelt', change: (v) => (v.branding.logo.file = 'logos/lgoo.svg'), pointer: '/branding/logo/file', message: /^"logos\/lgoo\.svg" does not exist \(looked for .*\) \(did you mean "logos\/logo\.svg"\?\)$/ },
  { name: 'a JPEG logo', change: (v) => (v.branding.logo.file = 'logos/trust.jpg'), pointer: '/branding/logo/file', message: /^"logos\/trust\.jpg" is a JPEG file; a logo must be SVG or PNG$/ },
  { name: 'logo path escaping the variants folder', change: (v) => (v.branding.logo.file = '../logo.svg'), pointer: '/branding/logo/file', message: /goes up out of the variants folder/ },
  { name: 'logo named .png holding an SVG', change: (v, f) => { v.branding.logo.file = 'logo.png'; f['logo.png'] = svgLogo(); }, pointer: '/branding/logo/file', message: /is named \.png but holds an SVG image/ },
  { name: 'a JPEG named .svg', change: (v, f) => { f['logos/logo.svg'] = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]); }, pointer: '/branding/logo/file', message: /^"logos\/logo\.svg" is named \.svg but holds a JPEG image$/ },
  { name: 'logo that is neither SVG nor PNG', change: (v, f) => { f['logos/logo.svg'] = new Uint8Array([0x00, 0x01, 0x02, 0x03, 0, 0x10]); }, pointer: '/branding/logo/file', message: /holds neither an SVG nor a PNG image/ },
  { name: 'logo too big', change: (v, f) => { f['logos/logo.svg'] = svgWith(`<!-- ${'x'.repeat(110 * 1024)} -->`); }, pointer: '/branding/logo/file', message: /is 110\.\d KB, which is too big for a logo/ },
  { name: 'PNG logo too small to be sharp', change: (v, f) => { v.branding.logo.file = 'logo.png'; f['logo.png'] = pngLogo(60, 20); }, pointer: '/branding/logo/file', message: /is 60 × 20 pixels, outside the size a header logo needs \(40 to 400 pixels high, at most 1000 wide\)/ },
  { name: 'SVG logo far too wide for the header', change: (v, f) => { f['logos/logo.svg'] = svgLogo({ width: 1000, height: 100 }); }, pointer: '/branding/logo/file', message: /is 10 times as wide as it is high/ },
  { name: 'script in the SVG', change: (v, f) => { f['logos/logo.svg'] = svgWith('<script>alert(1)</script>'); }, pointer: '/branding/logo/file', message: /has a <script> element, which runs code/ },
  { name: 'event attribute in the SVG', change: (v, f) => { f['logos/logo.svg'] = svgWith('<circle r="4" onload="alert(1)"/>'); }, pointer: '/branding/logo/file', message: /has an event attribute \(onload\), which runs code/ },
  { name: 'external href in the SVG', change: (v, f) => { f['logos/logo.svg'] = svgWith('<image href="https://example.org/tracker.png" width="1" height="1"/>'); }, pointer: '/branding/logo/file', message: /links to an address on the web \(href\)/ },
  { name: 'external xlink:href in the SVG', change: (v, f) => { f['logos/logo.svg'] = svgLogo({ inside: '<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="other.svg#mark"/>' }); }, pointer: '/branding/logo/file', message: /links to another file \("other\.svg#mark"\) \(xlink:href\)/ },
  { name: 'data: URL in an SVG style', change: (v, f) => { f['logos/logo.svg'] = svgWith('<rect width="4" height="4" style="fill: url(data:image/png;base64,AAAA)"/>'); }, pointer: '/branding/logo/file', message: /has url\(embedded data\) in the style attribute/ },
  { name: 'foreignObject in the SVG', change: (v, f) => { f['logos/logo.svg'] = svgWith('<foreignObject width="10" height="10"></foreignObject>'); }, pointer: '/branding/logo/file', message: /has a <foreignObject> element, which embeds HTML/ },
  { name: 'DOCTYPE with an entity in the SVG', change: (v, f) => { f['logos/logo.svg'] = `<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY name "Trust">]>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 80"><text>&name;</text></svg>`; }, pointer: '/branding/logo/file', message: /has a DOCTYPE declaration/ },
  { name: 'logo alt text missing', change: (v) => delete v.branding.logo.alt, pointer: '/branding/logo', message: /missing the required property "alt"/ },
  // Colours
  { name: 'off-palette header colour', change: (v) => (v.branding.colours.header = '#005EB9'), pointer: '/branding/colours/header', message: /^"#005EB9" is not in the NHS identity colour palette; the nearest palette colour is NHS Blue \(#005EB8\)$/ },
  { name: 'not a hex colour', change: (v) => (v.branding.colours.accent = 'blue'), pointer: '/branding/colours/accent', message: /^"blue" is not a #RRGGBB hex colour$/ },
  { name: 'low-contrast header', change: (v) => (v.branding.colours.header = '#41B6E6'), pointer: '/branding/colours/header', message: /^NHS Light Blue \(#41B6E6\) has a contrast of 2\.31:1 with white, too low for white header text on it; WCAG 2\.2 AA needs at least 4\.50:1$/ },
  { name: 'low-contrast accent', change: (v) => (v.branding.colours.accent = '#009639'), pointer: '/branding/colours/accent', message: /^NHS Green \(#009639\) has a contrast of 3\.87:1 with white, too low for white button text on it, and links in it on the white page; WCAG 2\.2 AA needs at least 4\.50:1$/ },
  // Contacts
  { name: 'malformed phone', change: (v) => (v.contacts[0].phone = '0113 496 000'), pointer: '/contacts/0/phone', message: /^"0113 496 000" is not a UK phone number: after the first 0 it has 9 digits, and a UK number has 10$/ },
  { name: 'phone with letters', change: (v) => (v.contacts[0].phone = '0113 496 0000 ext 12'), pointer: '/contacts/0/phone', message: /contains "e", which is not part of a phone number/ },
  { name: '999 as a trust contact', change: (v) => (v.contacts[0].phone = '999'), pointer: '/contacts/0/phone', message: /is the number for the emergency services, not a trust service/ },
  { name: '111 as a trust contact', change: (v) => (v.contacts[0].phone = '111'), pointer: '/contacts/0/phone', message: /NHS 111 urgent care service/ },
  { name: 'malformed email', change: (v) => (v.contacts[1].email = 'speakup@trust'), pointer: '/contacts/1/email', message: /^"speakup@trust" has a domain without a dot$/ },
  { name: 'email with a space', change: (v) => (v.contacts[1].email = 'speak up@trust.example.org'), pointer: '/contacts/1/email', message: /contains a space/ },
  { name: 'http url', change: (v) => (v.contacts[1].url = 'http://intranet.trust.example.org/ftsu'), pointer: '/contacts/1/url', message: /uses http:\/\/, .*use https:\/\// },
  { name: 'contact with no way to reach it', change: (v) => delete v.contacts[0].phone, pointer: '/contacts/0', message: /^"Staff Support Line" gives no way to reach it$/ },
  // Accessibility contact
  { name: 'malformed accessibility e-mail', change: (v) => (v.accessibility.email = 'access.trust.example.org'), pointer: '/accessibility/email', message: /has no @/ },
  { name: 'malformed accessibility phone', change: (v) => (v.accessibility.phone = '+44 113 496'), pointer: '/accessibility/phone', message: /is not a UK phone number/ },
  { name: 'branding without an accessibility contact', change: (v) => delete v.accessibility, pointer: '', message: /^missing the property "accessibility", which is required when "branding" is present$/ },
  // LMS profile × standards
  { name: 'ESR with SCORM 2004 4th Edition', change: (v) => { v.lmsProfile = 'esr'; v.standards = ['scorm12', 'scorm2004-4th']; }, pointer: '/standards/1', message: /^the LMS profile "esr" does not list "scorm2004-4th": ESR .* up to the 3rd Edition/ },
  { name: 'Moodle with SCORM 2004', change: (v) => (v.lmsProfile = 'moodle'), pointer: '/standards/1', message: /^the LMS profile "moodle" does not list "scorm2004-3rd": Moodle never finished SCORM 2004/ },
  { name: 'unknown LMS profile', change: (v) => (v.lmsProfile = 'blackboard'), pointer: '/lmsProfile', message: /"blackboard" is not one of the allowed values/ },
];

describe('a broken trust variant gets one problem naming its file and field', () => {
  it.each(BAD)('$name', async ({ change, pointer, message }) => {
    const variant = goodVariant();
    const files: Files = { 'logos/logo.svg': svgLogo() };
    change(variant, files);
    const file = await variantFolder(variant, files);
    const problems = await problemsOf(loadVariant(file, course));
    expect(problems, formatProblems(problems)).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file, pointer });
    expect(problems[0]!.message).toMatch(message);
    // One line, starting with the file and the pointer, as the build prints it.
    expect(formatProblems(problems)).toMatch(new RegExp(`^${escape(file)}: ${escape(pointer || '/')}: `));
  });

  it('a logo that links out of the variants folder is refused', async () => {
    const outside = await tempDir();
    await writeFile(join(outside, 'logo.svg'), svgLogo());
    const variant = goodVariant();
    variant.branding.logo.file = 'linked.svg';
    const file = await variantFolder(variant, {});
    await symlink(join(outside, 'logo.svg'), join(file, '..', 'linked.svg'));
    const problems = await problemsOf(loadVariant(file, course));
    expect(problems).toEqual([{ file, pointer: '/branding/logo/file', message: '"linked.svg" links to a file outside the variants folder' }]);
  });

  it('problems in several fields are all reported in one run', async () => {
    const variant = goodVariant();
    variant.branding.colours.header = '#41B6E6';
    variant.contacts[0].phone = '12345';
    variant.lmsProfile = 'esr';
    variant.standards = ['xapi'];
    const file = await variantFolder(variant, { 'logos/logo.svg': svgWith('<script/>') });
    const problems = await problemsOf(loadVariant(file, course));
    expect(problems.map((problem) => problem.pointer)).toEqual(['/contacts/0/phone']);
    // Schema problems stop the checks that need a well-formed variant; fix them and the rest show.
    variant.contacts[0].phone = '0113 496 0999';
    await writeFile(file, JSON.stringify(variant));
    const next = await problemsOf(loadVariant(file, course));
    expect(next.map((problem) => problem.pointer)).toEqual(['/standards/0', '/branding/colours/header', '/branding/logo/file']);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
