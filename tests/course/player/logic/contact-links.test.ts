import { describe, expect, it } from 'vitest';
import { mailtoHref, telHref, webHref } from '../../../../course/player/logic/contact-links.ts';

describe('telHref', () => {
  it('dials the international form, digits only', () => {
    expect(telHref('0113 496 0312')).toBe('tel:+441134960312');
    expect(telHref('(0161) 496-0208')).toBe('tel:+441614960208');
  });

  it('drops the (0) that is not dialled after +44', () => {
    expect(telHref('+44 (0)161 496 0733')).toBe('tel:+441614960733');
    expect(telHref('+44 161 496 0733')).toBe('tel:+441614960733');
  });

  it('gives nothing when there is nothing to dial', () => {
    expect(telHref('ask reception')).toBeNull();
    expect(telHref('0800 12')).toBeNull();
  });
});

describe('mailtoHref', () => {
  it('links one plain address', () => {
    expect(mailtoHref('speakup@northmoor-valley.example.org')).toBe('mailto:speakup@northmoor-valley.example.org');
  });

  it('refuses what would add recipients, headers or nothing at all', () => {
    for (const email of ['a@b.org,c@d.org', 'a@b.org?cc=c@d.org'.replace('?', ' '), 'not an address', 'a@b', '']) expect(mailtoHref(email), email).toBeNull();
  });
});

describe('webHref', () => {
  it('links https addresses only', () => {
    expect(webHref('https://intranet.example.org/occupational-health')).toBe('https://intranet.example.org/occupational-health');
    for (const url of ['http://intranet.example.org', 'javascript:alert(1)', 'intranet/page', '']) expect(webHref(url), url).toBeNull();
  });
});
