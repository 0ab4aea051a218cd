// Logo files for the variant tests, made in code so each test shows exactly what is wrong with its file.
import { crc32, deflateSync } from 'node:zlib';

/** A small, valid, inert SVG logo of the given shape (user units). */
export function svgLogo({ width = 300, height = 80, inside = '' }: { width?: number; height?: number; inside?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">
  <defs><linearGradient id="g"><stop offset="0" stop-color="#005EB8"/></linearGradient></defs>
  <rect width="${width}" height="${height}" fill="url(#g)"/>
  <use href="#g"/>
  ${inside}
</svg>
`;
}

/** A real PNG (signature, IHDR, one IDAT of blank grey rows, IEND) of the given size. */
export function pngLogo(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) rows[row * (width + 1)] = 0; // filter type "none" per row
  return new Uint8Array(Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array()),
  ]));
}
