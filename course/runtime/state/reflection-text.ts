// Reflection text as it is saved. Line breaks become "\n" (as a textarea counts them); control characters other
// than tab and line feed, which no one types and JSON would escape into six characters each, are dropped; a lone
// surrogate (half an emoji, from a cut or a broken paste) becomes U+FFFD. Everything a learner can see is kept, and
// every saved character costs at most what the worst-case estimate allows for.

export function normaliseReflection(text: string): string {
  let out = '';
  const source = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < source.length; i++) {
    const code = source.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = source.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += source[i] + (source[i + 1] as string);
        i++;
      } else {
        out += '\uFFFD';
      }
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      out += '\uFFFD';
    } else if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code < 0xa0)) {
      continue;
    } else {
      out += source[i];
    }
  }
  return out;
}
