// Phone numbers, e-mail addresses and links as trusts write them.
import { describe, expect, it } from 'vitest';
import { emailProblem, httpsUrlProblem, normaliseUkPhone, ukPhoneProblem } from '../../../course/model/contact-formats.ts';

describe('UK phone numbers', () => {
  it.each([
    ['0113 496 0000', '+441134960000'],
    ['01134960000', '+441134960000'],
    ['(0113) 496-0000', '+441134960000'],
    ['020 7946 0123', '+442079460123'],
    ['+44 20 7946 0123', '+442079460123'],
    ['+44 (0)20 7946 0123', '+442079460123'],
    ['+44 (0) 113 496 0000', '+441134960000'],
    ['07700 900123', '+447700900123'],
    ['0306 999 0145', '+443069990145'],
  ])('%s is %s', (written, e164) => {
    expect(normaliseUkPhone(written)).toBe(e164);
    expect(ukPhoneProblem(written)).toBeUndefined();
  });

  it.each([
    // Counted as the allowed form is written ("0 and 10 more digits"), not as a total (issue 15.11).
    ['0113 496 000', /^is not a UK phone number: after the first 0 it has 9 digits, and a UK number has 10$/],
    ['0113 496 00000', /after the first 0 it has 11 digits, and a UK number has 10$/],
    ['113 496 00000', /^is not a UK phone number: it must start with 0 \(or \+44\)$/],
    ['+33 1 23 45 67 89', /an international number must start \+44$/],
    ['+44 0113 496 0000', /after \+44 it has 11 digits, and a UK number has 10 \(leave out the 0 after \+44, or write it as "\(0\)"\)$/],
    ['+44 113 496 000', /after \+44 it has 9 digits/],
    ['0044 113 496 0000', /starts 00, an international prefix/],
    ['0113 496 0000 ext 4', /contains "e"/],
    ['0113.496.0000', /contains "\."/],
    ['999', /emergency services/],
    ['112', /emergency services/],
    ['111', /NHS 111/],
    ['116 123', /Samaritans/],
    ['0909 879 0000', /premium-rate/],
    ['0400 000 0000', /not in use/],
    ['', /it must start with 0/],
  ])('%s is refused', (written, reason) => {
    expect(ukPhoneProblem(written)).toMatch(reason);
  });
});

describe('e-mail addresses', () => {
  it.each(['staff.support@example.org', 'ftsu+guardian@trust.example.net', "o'neil@a-b.example.org"])('%s is fine', (address) => {
    expect(emailProblem(address)).toBeUndefined();
  });

  it.each([
    ['no-at.example.org', /has no @/],
    ['a@b@example.org', /more than one @/],
    ['@example.org', /nothing before the @/],
    ['a b@example.org', /contains a space/],
    ['mailto:a@example.org', /mailto/],
    ['a..b@example.org', /dots before the @/],
    ['a@localhost', /without a dot/],
    ['a@-bad.example.org', /not a valid host name/],
    ['a@example..org', /not a valid host name/],
  ])('%s is refused', (address, reason) => {
    expect(emailProblem(address)).toMatch(reason);
  });
});

describe('links', () => {
  it('accepts https', () => expect(httpsUrlProblem('https://intranet.example.org/support?x=1')).toBeUndefined());
  it.each([
    ['http://intranet.example.org', /http:\/\/.*https:\/\//],
    ['ftp://example.org', /ftp: rather than https:/],
    ['javascript:alert(1)', /javascript: rather than https:/],
    ['intranet/support', /not a web address/],
    ['https://user:secret@example.org', /user name or password/],
    // A browser reads these as the host "path"; as written they name no host (issue 17.5).
    ['https:///path', /has no host name after "https:\/\/"/],
    ['https:/intranet.example.org', /has no host name after "https:\/\/"/],
    ['https:\\\\intranet.example.org', /has no host name after "https:\/\/"/],
  ])('%s is refused', (url, reason) => {
    expect(httpsUrlProblem(url)).toMatch(reason);
  });
});
