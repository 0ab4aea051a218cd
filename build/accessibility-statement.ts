// The accessibility statement the Public Sector Bodies (Websites and Mobile Applications) Accessibility Regulations
// 2018 ask of every public body, one per variant: written from the variant (who publishes the course and who
// answers) and the audit record (what was tested and what is known to fail). The sections follow the government's
// model statement; the words are ours. One self-contained page: no script, no external resources, the variant's
// colours, readable at 400 % zoom (one column, relative units, long addresses allowed to wrap).
import type { Course, Variant } from '../course/model/types.ts';
import { normaliseUkPhone } from '../course/model/contact-formats.ts';
import { complianceStatus, type AccessibilityAudit, type ComplianceStatus } from './accessibility-audit.ts';
import { escapeHtml } from './escape-html.ts';

/** The NHS defaults a variant without branding gets (NHS Blue): the same as the player's. */
const DEFAULT_COLOURS = { header: '#005EB8', accent: '#005EB8' } as const;

export interface StatementInput {
  course: Course;
  variant: Variant;
  audit: AccessibilityAudit;
}

export function accessibilityStatement({ course, variant, audit }: StatementInput): string {
  const colours = variant.branding?.colours ?? DEFAULT_COLOURS;
  const organisation = variant.organisation;
  const status = complianceStatus(audit);
  const title = `Accessibility statement for ${variant.displayName}`;
  const sections = [
    scopeSection(course, variant),
    contactSection(variant),
    complianceSection(audit, status, organisation),
    testingSection(audit),
    preparationSection(audit, course),
  ];
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${text(title)}</title>
<style>
${stylesheet(colours.header, colours.accent)}
</style>
</head>
<body>
<header class="band"><p class="organisation">${text(organisation)}</p></header>
<main id="main">
<h1>${text(title)}</h1>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

function scopeSection(course: Course, variant: Variant): string {
  return `<p>This statement covers the e-learning course <strong>${text(course.title)}</strong> as ${text(variant.organisation)} provides it to its staff under the name “${text(variant.displayName)}”: every screen of the course, its film with captions and transcript, and the pages it lets you print. It does not cover the learning management system (LMS) the course runs in; ask ${text(variant.organisation)} about that system.</p>
<p>We want as many people as possible to be able to use this course. For example, you should be able to:</p>
<ul>
<li>complete the whole course using just a keyboard</li>
<li>use it in a window as narrow as 320 pixels, which is what zooming in to 400% on a typical laptop screen gives, without text spilling off the screen</li>
<li>follow the film with captions, or read its transcript instead</li>
</ul>`;
}

function contactSection(variant: Variant): string {
  const contact = variant.accessibility;
  const organisation = text(variant.organisation);
  const reply = contact?.responseDays !== undefined
    ? `We’ll consider your request and get back to you within ${contact.responseDays} working day${contact.responseDays === 1 ? '' : 's'}.`
    : 'We’ll consider your request and get back to you as soon as we can.';
  const routes = contact === undefined
    ? `<p>Contact the learning and development team at ${organisation}, who gave you access to this course, through your usual staff channels.</p>`
    : `<ul>\n${[
        `<li>email <a href="mailto:${attribute(contact.email)}">${text(contact.email)}</a></li>`,
        ...(contact.phone !== undefined ? [`<li>call ${phoneLink(contact.phone)}</li>`] : []),
      ].join('\n')}\n</ul>`;
  return `<h2>Asking for the course in another format</h2>
<p>If you need the course’s content in a different format, such as accessible PDF, large print, easy read, an audio recording or braille, or if you need more time or other adjustments to complete it:</p>
${routes}
<p>${reply}</p>
<h2>Reporting accessibility problems with this course</h2>
<p>We’re always looking to improve the accessibility of this course. If you find a problem not listed on this page, or think we’re not meeting accessibility requirements, tell us using the contact details above. Please say which screen you were on and what happened.</p>
<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint, contact the <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.</p>`;
}

function complianceSection(audit: AccessibilityAudit, status: ComplianceStatus, organisation: string): string {
  const wcag = '<a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard';
  const statusText = {
    fully: `This course is fully compliant with the ${wcag}.`,
    partially: `This course is partially compliant with the ${wcag}, due to the non-compliances listed below.`,
    'not-fully-tested': `This course is partially compliant with the ${wcag}. The testing described below found no failures, but it has not yet covered everything the standard asks (see what the testing has not covered yet), so we do not claim full compliance until it has.`,
  }[status];
  const issues = audit.knownIssues.length === 0
    ? '<p>We know of no content in this course that fails to meet the standard.</p>'
    : `<ul>\n${audit.knownIssues
        .map((issue) => `<li>${text(issue.description)} This fails WCAG 2.2 success criteri${issue.criteria.length === 1 ? 'on' : 'a'} ${issue.criteria.map(text).join(', ')}.${issue.plannedFix ? ` ${text(issue.plannedFix)}` : ''}</li>`)
        .join('\n')}\n</ul>`;
  return `<h2>Technical information about this course’s accessibility</h2>
<p>${text(organisation)} is committed to making its e-learning accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>
<h3>Compliance status</h3>
<p>${statusText}</p>
<h3>Non-accessible content</h3>
${issues}`;
}

function testingSection(audit: AccessibilityAudit): string {
  const list = (items: readonly string[]): string => `<ul>\n${items.map((item) => `<li>${item}</li>`).join('\n')}\n</ul>`;
  return `<h2>How we tested this course</h2>
<p>This course was last tested on ${longDate(audit.testedOn)} against the ${text(audit.standard)} standard. The testing covered every kind of screen in the course: ${audit.screenTypes.map((type) => text(type.replace(/-/g, ' '))).join(', ')}, at course widths of ${audit.widths.map((width) => `${width}`).join(' and ')} CSS pixels.</p>
<p>We tested by:</p>
${list(audit.methods.map(text))}
<p>Tools used:</p>
${list(audit.tools.map((tool) => `${text(tool.name)} ${text(tool.version)}: ${text(tool.purpose)}`))}
${audit.limitations.length === 0 ? '' : `<p>What the testing has not covered yet:</p>\n${list(audit.limitations.map(text))}`}`;
}

function preparationSection(audit: AccessibilityAudit, course: Course): string {
  return `<h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared on ${longDate(audit.statement.preparedOn)}. It was last reviewed on ${longDate(audit.statement.reviewedOn)}. It applies to version ${text(course.version)} of the course.</p>`;
}

function stylesheet(header: string, accent: string): string {
  // Sizes in rem/em and a measure in ch, so text reflows at any zoom; the header band and links take the variant's
  // colours (checked at build time for 4.5:1 against white).
  return `:root { color-scheme: light; }
html { font-family: Arial, Helvetica, sans-serif; font-size: 100%; line-height: 1.5; color: #212b32; background: #ffffff; }
body { margin: 0; overflow-wrap: break-word; }
.band { background: ${header}; color: #ffffff; padding: 0.75rem 1rem; }
.organisation { margin: 0; font-weight: bold; font-size: 1.125rem; }
main { display: block; max-width: 42rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 2rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.5rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
p, li { max-width: 65ch; }
a { color: ${accent}; text-decoration: underline; }
a:focus { outline: 3px solid #ffeb3b; outline-offset: 0; background: #ffeb3b; color: #212b32; text-decoration: none; box-shadow: 0 4px 0 #212b32; }`;
}

/** A phone number as the variant writes it, linked as tel: with its E.164 form (checked valid at load time). */
function phoneLink(phone: string): string {
  const e164 = normaliseUkPhone(phone);
  return e164 === undefined ? text(phone) : `<a href="tel:${e164}">${text(phone)}</a>`;
}

/** "2026-11-26" → "26 November 2026", as GOV.UK style writes dates. */
function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${day} ${months[month - 1]} ${year}`;
}

/** Text from the variant or the audit, made safe for HTML content. */
const text = escapeHtml;

/** The same for an attribute value; e-mail addresses are validated, but escaping costs nothing. */
function attribute(value: string): string {
  return text(value);
}
