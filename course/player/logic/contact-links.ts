// The links of a support contact (types.ts SupportContact), made with the same rules the build checked the variant
// with (course/model/contact-formats.ts): anything that would not open safely gets no link, and is shown as text only.
import { emailProblem, httpsUrlProblem, normaliseUkPhone } from '../../model/contact-formats.ts';

/** A tel: link in international form ("+44 (0)161 …" and "0161 …" both dial +44161…), or null when it is no UK number. */
export function telHref(phone: string): string | null {
  const e164 = normaliseUkPhone(phone.trim());
  return e164 === undefined ? null : `tel:${e164}`;
}

/** A mailto: link for one plain address, or null. */
export function mailtoHref(email: string): string | null {
  const address = email.trim();
  return emailProblem(address) === undefined ? `mailto:${address}` : null;
}

/** An https address as written, or null for anything else (http, javascript:, relative paths). */
export function webHref(url: string): string | null {
  const address = url.trim();
  return httpsUrlProblem(address) === undefined ? new URL(address).href : null;
}
