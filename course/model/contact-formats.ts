// Contact details as trusts write them: UK phone numbers, e-mail addresses and https links. Each check returns why
// a value is not acceptable (a phrase that follows the quoted value), or undefined when it is. Pure and here, beside
// types.ts, because the build checks variants with them and the player builds its contact links with them.

/** What a valid phone number looks like, for error messages and the schema description. */
export const UK_PHONE_FORM =
  'a UK number of 0 and 10 more digits, or +44 and 10 digits, as people write it: spaces, hyphens and brackets are fine, e.g. "0113 496 0123", "(020) 7946 0123" or "+44 (0)113 496 0123"';
export const EMAIL_FORM = 'an e-mail address: no spaces, one @, a domain with a dot, e.g. "staff.support@example.org"';
export const HTTPS_URL_FORM = 'an https:// address with a host name, e.g. "https://intranet.example.org/staff-support"';

/** Numbers every NHS worker knows but that no trust answers: listing them as a trust contact misroutes people. */
const NATIONAL_SHORT_NUMBERS: Record<string, string> = {
  '999': 'the emergency services',
  '112': 'the emergency services',
  '111': 'the NHS 111 urgent care service',
  '116123': 'the Samaritans',
};

/**
 * A UK phone number as written → "+44" and 10 digits (E.164), or undefined when it is not one (see ukPhoneProblem).
 * "+44 (0)113 …" is the usual written form of an international number and is accepted.
 */
export function normaliseUkPhone(text: string): string | undefined {
  if (!/^[+\d\s()\-]+$/.test(text)) return undefined;
  const international = /^\s*\+\s*4\s*4/.exec(text);
  if (international) {
    const rest = text.slice(international[0].length).replace(/^[\s-]*\(\s*0\s*\)/, '');
    const digits = rest.replace(/[\s()\-]/g, '');
    return /^[1-9]\d{9}$/.test(digits) ? `+44${digits}` : undefined;
  }
  if (text.includes('+')) return undefined;
  const digits = text.replace(/[\s()\-]/g, '');
  return /^0[1-9]\d{9}$/.test(digits) ? `+44${digits.slice(1)}` : undefined;
}

/** Why `text` is not a usable UK phone number for a trust contact, or undefined when it is. */
export function ukPhoneProblem(text: string): string | undefined {
  if (/[^+\d\s()\-]/.test(text)) {
    const stray = /[^+\d\s()\-]/.exec(text)![0];
    return `contains ${JSON.stringify(stray)}, which is not part of a phone number (put opening hours in "hours", extensions in "description")`;
  }
  const digits = text.replace(/\D/g, '');
  const national = NATIONAL_SHORT_NUMBERS[digits];
  if (national !== undefined) {
    return `is the number for ${national}, not a trust service: list the trust's own line here; staff in crisis are pointed to national services by the course itself`;
  }
  const e164 = normaliseUkPhone(text);
  if (e164 === undefined) return phoneShapeProblem(text, digits);
  // 09 numbers are premium rate: staff should never pay to reach their own support services.
  if (e164.startsWith('+449')) return 'is a premium-rate (09) number; staff must be able to reach support at no more than the cost of a normal call';
  // 04 and 06 are not allocated by Ofcom.
  if (e164.startsWith('+444') || e164.startsWith('+446')) return 'starts 04 or 06, which are not in use in the UK';
  return undefined;
}

/** Why a string of phone characters is not a UK number, counted the way the allowed form is written (0 + 10, +44 + 10). */
function phoneShapeProblem(text: string, digits: string): string {
  const plural = (count: number): string => `${count} digit${count === 1 ? '' : 's'}`;
  if (/^\s*\+/.test(text)) {
    if (!digits.startsWith('44')) return 'is not a UK phone number: an international number must start +44';
    const after = text.replace(/^\s*\+\s*4\s*4/, '').replace(/^[\s-]*\(\s*0\s*\)/, '').replace(/\D/g, '');
    return `is not a UK phone number: after +44 it has ${plural(after.length)}, and a UK number has 10${after.startsWith('0') ? ' (leave out the 0 after +44, or write it as "(0)")' : ''}`;
  }
  if (!digits.startsWith('0')) return 'is not a UK phone number: it must start with 0 (or +44)';
  if (digits.startsWith('00')) return 'starts 00, an international prefix: write a UK number from 0, or +44';
  return `is not a UK phone number: after the first 0 it has ${plural(digits.length - 1)}, and a UK number has 10`;
}

/** Why `text` is not a sane e-mail address (an addr-spec without quoting or comments), or undefined when it is. */
export function emailProblem(text: string): string | undefined {
  if (/\s/.test(text)) return 'contains a space';
  if (/^mailto:/i.test(text)) return 'starts with "mailto:"; give the address alone';
  const parts = text.split('@');
  if (parts.length !== 2) return parts.length === 1 ? 'has no @' : 'has more than one @';
  const [local, domain] = parts as [string, string];
  if (local === '') return 'has nothing before the @';
  if (!/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return 'has characters or dots before the @ that an address cannot have';
  }
  if (!domain.includes('.')) return 'has a domain without a dot';
  const labels = domain.split('.');
  if (labels.some((label) => !/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label))) return 'has a domain that is not a valid host name';
  return undefined;
}

/** Why `text` is not an https link a learner can follow, or undefined when it is. */
export function httpsUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a web address';
  }
  if (url.protocol === 'http:') return 'uses http://, which a browser marks as not secure and some trusts block; use https://';
  if (url.protocol !== 'https:') return `uses ${url.protocol} rather than https:`;
  if (url.username !== '' || url.password !== '') return 'has a user name or password in it';
  // A browser reads "https:///path" as the host "path"; what was written has no host at all.
  if (url.hostname === '' || !/^https:\/\/[^/\\]/i.test(text.trim())) return 'has no host name after "https://"';
  return undefined;
}
