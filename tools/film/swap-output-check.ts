// Checks on what the swap made, before it goes into the course: the rendition is what was planned (codec,
// profile, level, size, duration) and "faststart" (its index, the moov box, comes before the media data, so a
// browser starts playing after the first few kilobytes instead of the whole file), and the poster's size.
import { open } from 'node:fs/promises';
import type { RenditionPlan } from './swap-rendition.ts';
import type { SourceVideo } from './swap-probe.ts';

export interface Mp4Box {
  type: string;
  offset: number;
  /** Whole box, header included. */
  size: number;
}

/**
 * Reads one box header (ISO/IEC 14496-12 §4.2): a 32-bit size and a four-letter type, where size 1 means a
 * 64-bit size follows and size 0 means "to the end of the file". `bytes` holds up to 16 bytes from `offset`.
 */
export function parseBoxHeader(bytes: Uint8Array, offset: number, fileSize: number): Mp4Box | { problem: string } {
  if (bytes.length < 8) return { problem: `truncated box header at byte ${offset}` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = String.fromCharCode(...bytes.subarray(4, 8));
  let size = view.getUint32(0);
  let headerSize = 8;
  if (size === 1) {
    if (bytes.length < 16) return { problem: `truncated 64-bit box size at byte ${offset}` };
    size = Number(view.getBigUint64(8));
    headerSize = 16;
  } else if (size === 0) {
    size = fileSize - offset;
  }
  if (size < headerSize || offset + size > fileSize) return { problem: `box "${type}" at byte ${offset} claims ${size} bytes, beyond the file` };
  return { type, offset, size };
}

/** The top-level boxes of a file, in order; throws when the structure is broken. */
export async function readTopLevelBoxes(file: string): Promise<Mp4Box[]> {
  const handle = await open(file, 'r');
  try {
    const fileSize = (await handle.stat()).size;
    const boxes: Mp4Box[] = [];
    const header = Buffer.alloc(16);
    for (let offset = 0; offset < fileSize; ) {
      const { bytesRead } = await handle.read(header, 0, 16, offset);
      const box = parseBoxHeader(header.subarray(0, bytesRead), offset, fileSize);
      if ('problem' in box) throw new Error(`${file} is not a well-formed MP4: ${box.problem}`);
      boxes.push(box);
      offset += box.size;
    }
    return boxes;
  } finally {
    await handle.close();
  }
}

/** True when the file starts with ftyp and its moov comes before its first mdat. */
export function isFastStart(boxes: readonly Pick<Mp4Box, 'type'>[]): boolean {
  const types = boxes.map((box) => box.type);
  const moov = types.indexOf('moov');
  const mdat = types.indexOf('mdat');
  return types[0] === 'ftyp' && moov !== -1 && mdat !== -1 && moov < mdat;
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return undefined;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Highest H.264 level the rendition may have, as ffprobe writes it (level times ten). */
export const MAX_LEVEL = 40;

/**
 * Differences between the encoded rendition and the plan. The duration may differ from the source's by a
 * frame or an audio packet, not more: a bigger difference would put the captions out of step.
 */
export function checkRendition(rendition: SourceVideo, plan: RenditionPlan, boxes: readonly Pick<Mp4Box, 'type'>[], toleranceSeconds: number): string[] {
  const problems: string[] = [];
  const { video, audio } = rendition;
  if (video.codec !== 'h264') problems.push(`video codec is ${video.codec}, expected h264`);
  if (video.pixelFormat !== 'yuv420p') problems.push(`pixel format is ${video.pixelFormat}, expected yuv420p`);
  if (video.profile !== 'High') problems.push(`H.264 profile is ${video.profile}, expected High`);
  if (video.level === undefined || video.level > MAX_LEVEL) problems.push(`H.264 level is ${video.level === undefined ? 'unknown' : video.level / 10}, expected at most ${MAX_LEVEL / 10}`);
  if (video.width !== plan.size.width || video.height !== plan.size.height) {
    problems.push(`picture is ${video.width}x${video.height}, planned ${plan.size.width}x${plan.size.height}`);
  }
  if (plan.audio && audio?.codec !== 'aac') problems.push(`audio is ${audio?.codec ?? 'missing'}, expected aac`);
  if (!plan.audio && audio) problems.push('has an audio stream, though the source has none');
  const drift = Math.abs(rendition.durationSeconds - plan.sourceVideo.durationSeconds);
  if (drift > toleranceSeconds) {
    problems.push(`lasts ${rendition.durationSeconds.toFixed(3)} s, but the source lasts ${plan.sourceVideo.durationSeconds.toFixed(3)} s`);
  }
  if (!isFastStart(boxes)) problems.push(`is not faststart: its boxes are ${boxes.map((box) => box.type).join(', ')} (moov must come before mdat)`);
  return problems;
}
