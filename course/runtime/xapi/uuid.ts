// Statement ids are made here, in the course, so a statement resent after a failure keeps its id and the LRS can
// recognise it. crypto.randomUUID exists only in secure contexts, and LMS content is still served over plain HTTP
// in places; getRandomValues works everywhere.

export function uuid(random: Pick<Crypto, 'getRandomValues'> = globalThis.crypto): string {
  const bytes = random.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.replace(/(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}
