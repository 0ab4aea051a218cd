// The few facts the logo check needs from a PNG: is it one, and how many pixels wide and high. Read from the
// signature and the IHDR chunk, which the PNG specification requires to come first.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

/** Width and height from the IHDR chunk, or a reason the file is not a readable PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | { reason: string } {
  if (!hasPngSignature(bytes)) return { reason: 'does not start with the PNG signature' };
  // Signature (8) + chunk length (4) + chunk type (4) + width (4) + height (4).
  if (bytes.length < 24) return { reason: 'ends before its IHDR chunk' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (type !== 'IHDR' || view.getUint32(8) !== 13) return { reason: 'has no IHDR chunk first, as PNG requires' };
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  if (width === 0 || height === 0) return { reason: 'declares a width or height of 0' };
  return { width, height };
}
