import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRendition, isFastStart, parseBoxHeader, pngSize, readTopLevelBoxes } from '../../../tools/film/swap-output-check.ts';
import type { SourceVideo } from '../../../tools/film/swap-probe.ts';
import { planRendition } from '../../../tools/film/swap-rendition.ts';

const committedFilm = fileURLToPath(new URL('../../../course/content/media/film/common-ground-film.mp4', import.meta.url));
const committedPoster = fileURLToPath(new URL('../../../course/content/media/film/poster.png', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'swap-output-check-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One box: 32-bit size, type, then `bodyBytes` zero bytes. */
function box(type: string, bodyBytes: number): Buffer {
  const bytes = Buffer.alloc(8 + bodyBytes);
  bytes.writeUInt32BE(8 + bodyBytes, 0);
  bytes.write(type, 4, 'latin1');
  return bytes;
}

describe('parseBoxHeader', () => {
  it('reads 32-bit, 64-bit and to-the-end sizes', () => {
    expect(parseBoxHeader(box('ftyp', 24), 0, 100)).toEqual({ type: 'ftyp', offset: 0, size: 32 });
    const large = Buffer.alloc(16);
    large.writeUInt32BE(1, 0);
    large.write('mdat', 4, 'latin1');
    large.writeBigUInt64BE(5_000_000_000n, 8);
    expect(parseBoxHeader(large, 100, 5_000_000_100)).toEqual({ type: 'mdat', offset: 100, size: 5_000_000_000 });
    const toEnd = box('mdat', 0);
    toEnd.writeUInt32BE(0, 0);
    expect(parseBoxHeader(toEnd, 40, 1040)).toEqual({ type: 'mdat', offset: 40, size: 1000 });
  });

  it('reports truncated headers and sizes beyond the file', () => {
    expect(parseBoxHeader(Buffer.alloc(5), 0, 5)).toEqual({ problem: 'truncated box header at byte 0' });
    expect(parseBoxHeader(box('moov', 100), 0, 50)).toEqual({ problem: 'box "moov" at byte 0 claims 108 bytes, beyond the file' });
    const tooSmall = box('free', 0);
    tooSmall.writeUInt32BE(4, 0);
    expect(parseBoxHeader(tooSmall, 0, 100)).toHaveProperty('problem');
  });
});

describe('readTopLevelBoxes and isFastStart', () => {
  it('finds moov before mdat in the committed stand-in film', async () => {
    const boxes = await readTopLevelBoxes(committedFilm);
    expect(boxes[0]!.type).toBe('ftyp');
    expect(isFastStart(boxes)).toBe(true);
  });

  it('tells a file with its index at the end', async () => {
    const file = join(work, 'slow.mp4');
    writeFileSync(file, Buffer.concat([box('ftyp', 16), box('mdat', 64), box('moov', 32)]));
    const boxes = await readTopLevelBoxes(file);
    expect(boxes.map((b) => [b.type, b.offset, b.size])).toEqual([['ftyp', 0, 24], ['mdat', 24, 72], ['moov', 96, 40]]);
    expect(isFastStart(boxes)).toBe(false);
  });

  it('rejects a damaged file', async () => {
    const file = join(work, 'cut.mp4');
    writeFileSync(file, Buffer.concat([box('ftyp', 16), box('moov', 64)]).subarray(0, 60));
    await expect(readTopLevelBoxes(file)).rejects.toThrow(/cut\.mp4 is not a well-formed MP4: box "moov" at byte 24/);
  });

  it('needs ftyp first and both boxes present', () => {
    expect(isFastStart([{ type: 'ftyp' }, { type: 'moov' }, { type: 'mdat' }])).toBe(true);
    expect(isFastStart([{ type: 'moov' }, { type: 'ftyp' }, { type: 'mdat' }])).toBe(false);
    expect(isFastStart([{ type: 'ftyp' }, { type: 'moov' }])).toBe(false);
  });
});

describe('pngSize', () => {
  it('reads the committed poster, and nothing from other bytes', () => {
    expect(pngSize(readFileSync(committedPoster))).toEqual({ width: 1280, height: 720 });
    expect(pngSize(Buffer.from('not a png at all, not at all'))).toBeUndefined();
    expect(pngSize(new Uint8Array(0))).toBeUndefined();
  });
});

describe('checkRendition', () => {
  const source: SourceVideo = {
    durationSeconds: 60,
    formatName: 'mov',
    video: {
      index: 0, codec: 'prores', width: 1920, height: 1080, displayWidth: 1920, displayHeight: 1080, rotation: 0, frameRate: { num: 25, den: 1 },
      pixelFormat: 'yuv422p10le', profile: undefined, level: undefined, colorSpace: 'bt709', colorTransfer: 'bt709', interlaced: false,
    },
    audio: { index: 1, codec: 'pcm_s16le', channels: 2, sampleRate: 48_000 },
  };
  const plan = planRendition('film.mov', source);
  const good: SourceVideo = {
    durationSeconds: 60.021,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    video: { ...source.video, codec: 'h264', width: 1280, height: 720, displayWidth: 1280, displayHeight: 720, pixelFormat: 'yuv420p', profile: 'High', level: 40 },
    audio: { index: 1, codec: 'aac', channels: 2, sampleRate: 48_000 },
  };
  const faststart = [{ type: 'ftyp' }, { type: 'moov' }, { type: 'mdat' }];

  it('passes a rendition made as planned', () => {
    expect(checkRendition(good, plan, faststart, 0.5)).toEqual([]);
  });

  it('lists every difference', () => {
    const bad: SourceVideo = {
      ...good,
      durationSeconds: 58,
      video: { ...good.video, codec: 'hevc', pixelFormat: 'yuv420p10le', profile: 'Main 10', level: 51, width: 1920, height: 1080 },
      audio: undefined,
    };
    expect(checkRendition(bad, plan, [{ type: 'ftyp' }, { type: 'mdat' }, { type: 'moov' }], 0.5)).toEqual([
      'video codec is hevc, expected h264',
      'pixel format is yuv420p10le, expected yuv420p',
      'H.264 profile is Main 10, expected High',
      'H.264 level is 5.1, expected at most 4',
      'picture is 1920x1080, planned 1280x720',
      'audio is missing, expected aac',
      'lasts 58.000 s, but the source lasts 60.000 s',
      'is not faststart: its boxes are ftyp, mdat, moov (moov must come before mdat)',
    ]);
  });
});
