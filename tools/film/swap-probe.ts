// What the swap needs to know about a trust's video, read from `ffprobe -show_format -show_streams -of json`.
// Parsing is separate from running ffprobe so the rules (which stream is the picture, how big it looks on
// screen, how long the film is) can be tested without ffmpeg installed.
import { run } from './media-tools.ts';

/** A frame rate as ffprobe gives it ("30000/1001"), kept as a fraction so 29.97 stays exact. */
export interface FrameRate {
  num: number;
  den: number;
}

export interface SourceVideoStream {
  /** Absolute stream index in the file, for `-map 0:<index>`. */
  index: number;
  codec: string;
  /** Coded size, in pixels. */
  width: number;
  height: number;
  /** Size as shown: non-square pixels stretched out, then turned by the rotation. */
  displayWidth: number;
  displayHeight: number;
  /** Degrees the player turns the picture (phones filming upright store 90 or -90). */
  rotation: number;
  frameRate: FrameRate | undefined;
  pixelFormat: string | undefined;
  /** H.264 profile name ("High") and level times ten (40 for 4.0), as ffprobe reports them. */
  profile: string | undefined;
  level: number | undefined;
  /** Colour matrix, transfer and primaries as tagged; undefined when the file does not say. */
  colorSpace: string | undefined;
  colorTransfer: string | undefined;
  interlaced: boolean;
}

export interface SourceAudioStream {
  index: number;
  codec: string;
  channels: number;
  sampleRate: number;
}

export interface SourceVideo {
  durationSeconds: number;
  formatName: string;
  video: SourceVideoStream;
  /** Undefined for a film with no sound track. */
  audio: SourceAudioStream | undefined;
}

export type ProbeResult = { source: SourceVideo } | { problems: string[] };

type Json = Record<string, unknown>;

/** Reads ffprobe's JSON; `file` only names the video in problems. */
export function parseProbeOutput(json: string, file: string): ProbeResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { problems: [`${file}: ffprobe's report could not be read; is this a video file?`] };
  }
  const format = (isObject(parsed) && isObject(parsed.format) ? parsed.format : {}) as Json;
  const streams = (isObject(parsed) && Array.isArray(parsed.streams) ? parsed.streams.filter(isObject) : []) as Json[];

  // An MP4 or MKV may carry cover art as a one-frame "video" stream; that is not the film.
  const videoStream = streams.find((stream) => stream.codec_type === 'video' && !isAttachedPicture(stream));
  if (!videoStream) {
    return { problems: [`${file} has no video stream (is it an audio file or a still image?); export the film as a video, for example MP4 or MOV`] };
  }
  const problems: string[] = [];
  const width = positiveInteger(videoStream.width);
  const height = positiveInteger(videoStream.height);
  if (width === undefined || height === undefined) problems.push(`${file}: ffprobe cannot tell the picture size; re-export the film`);

  const duration = positiveNumber(format.duration) ?? positiveNumber(videoStream.duration);
  if (duration === undefined) problems.push(`${file}: ffprobe cannot tell how long the film is; re-export it as MP4 or MOV`);
  if (problems.length > 0 || width === undefined || height === undefined || duration === undefined) return { problems };

  const rotation = rotationOf(videoStream);
  const sar = parseRatio(videoStream.sample_aspect_ratio);
  // Anamorphic video (for example PAL widescreen, 720x576 shown as 16:9) is stretched sideways on screen.
  const shownWidth = sar !== undefined && sar.num > 0 && sar.den > 0 ? Math.round((width * sar.num) / sar.den) : width;
  const quarterTurn = Math.abs(rotation) % 180 === 90;

  const audioStreams = streams.filter((stream) => stream.codec_type === 'audio');
  const audioStream = audioStreams.find((stream) => isObject(stream.disposition) && stream.disposition.default === 1) ?? audioStreams[0];

  return {
    source: {
      durationSeconds: duration,
      formatName: String(format.format_name ?? 'unknown'),
      video: {
        index: Number(videoStream.index),
        codec: String(videoStream.codec_name ?? 'unknown'),
        width,
        height,
        displayWidth: quarterTurn ? height : shownWidth,
        displayHeight: quarterTurn ? shownWidth : height,
        rotation,
        frameRate: frameRateOf(videoStream),
        pixelFormat: optionalString(videoStream.pix_fmt),
        profile: optionalString(videoStream.profile),
        level: positiveInteger(videoStream.level),
        colorSpace: optionalString(videoStream.color_space),
        colorTransfer: optionalString(videoStream.color_transfer),
        interlaced: ['tt', 'bb', 'tb', 'bt'].includes(String(videoStream.field_order)),
      },
      audio:
        audioStream === undefined
          ? undefined
          : {
              index: Number(audioStream.index),
              codec: String(audioStream.codec_name ?? 'unknown'),
              channels: positiveInteger(audioStream.channels) ?? 2,
              sampleRate: positiveInteger(audioStream.sample_rate) ?? 48_000,
            },
    },
  };
}

/** "30000/1001" → { num: 30000, den: 1001 }; undefined for "0/0", "N/A" and other non-rates. */
export function parseRatio(value: unknown): FrameRate | undefined {
  const match = /^(\d+)[/:](\d+)$/.exec(String(value ?? ''));
  if (!match) return undefined;
  const num = Number(match[1]);
  const den = Number(match[2]);
  return num > 0 && den > 0 ? { num, den } : undefined;
}

/**
 * The average rate describes variable-rate phone footage best; r_frame_rate is the fallback (it can be a
 * timebase artefact such as 90000/1, hence the sanity limit).
 */
function frameRateOf(stream: Json): FrameRate | undefined {
  for (const candidate of [stream.avg_frame_rate, stream.r_frame_rate]) {
    const rate = parseRatio(candidate);
    if (rate && rate.num / rate.den <= 240) return rate;
  }
  return undefined;
}

/** Rotation from the display matrix side data (ffmpeg 5 and later) or the older "rotate" tag. */
function rotationOf(stream: Json): number {
  const sideData = Array.isArray(stream.side_data_list) ? stream.side_data_list.filter(isObject) : [];
  for (const entry of sideData) {
    if (typeof entry.rotation === 'number') return entry.rotation;
  }
  const tags = isObject(stream.tags) ? stream.tags : {};
  const tagged = Number(tags.rotate);
  return Number.isFinite(tagged) ? tagged : 0;
}

function isAttachedPicture(stream: Json): boolean {
  return isObject(stream.disposition) && stream.disposition.attached_pic === 1;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveNumber(value: unknown): number | undefined {
  const number = typeof value === 'string' || typeof value === 'number' ? Number(value) : NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

function positiveInteger(value: unknown): number | undefined {
  const number = positiveNumber(value);
  return number !== undefined && Number.isInteger(number) ? number : undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' && value !== 'unknown' ? value : undefined;
}

/** Runs ffprobe on a file; a file ffprobe cannot open becomes a problem, not an exception. */
export async function probeSource(file: string): Promise<ProbeResult> {
  try {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-show_format', '-show_streams', '-of', 'json', file]);
    return parseProbeOutput(stdout, file);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').slice(-1)[0]!.trim() : String(error);
    return { problems: [`${file}: ffprobe cannot read it (${detail}); check that it is a video file and not damaged`] };
  }
}
