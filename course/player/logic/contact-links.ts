// The links of a support contact (types.ts SupportContact). The build checks the variant's phone numbers, e-mail
// addresses and web addresses; these turn them into links a phone, a mail program or a browser opens, and drop
// anything that would not open safely.

/**
 * A tel: link with digits only (and a leading + for an international number). "+44 (0)161 …", as people write UK
 * numbers for callers abroad, drops the (0), which is not dialled after +44. Null when there is nothing to dial.
 */
export function telHref(phone: string): string | null {
  const international = phone.trim().startsWith('+');
  const digits = phone.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (digits.length < 3) return null;
  return `tel:${international ? '+' : ''}${digits}`;
}

/** A mailto: link for one plain address, or null. */
export function mailtoHref(email: string): string | null {
  const address = email.trim();
  return /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(address) ? `mailto:${address}` : null;
}

/** An https address as written, or null for anything else (http, javascript:, relative paths). */
export function webHref(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
