// The web rendition of a trust's film: its size, frame rate and the ffmpeg arguments that make it and its
// poster. Pure, so the choices can be tested without ffmpeg; swap-film.ts runs the commands.
import type { FrameRate, SourceVideo, SourceVideoStream } from './swap-probe.ts';

/**
 * Encoding settings, chosen for NHS networks: many staff on one site share a connection, ward PCs often
 * sit behind a busy proxy, and phones may be on patchy Wi-Fi.
 * - H.264 High profile at level 4.0 plays in every browser and on the hardware decoders of older phones
 *   and thin clients; 1280x720 at up to 60 fps is within level 4.0.
 * - CRF 23 (x264's default quality) keeps faces and slide text clean; a talking-head film lands near
 *   1 Mbit/s. The 2 Mbit/s cap (VBV, 4 Mbit buffer) stops busy scenes from spiking above what a shared ward
 *   connection streams without stalling, so the worst case is 15 MB a minute.
 * - A keyframe at least every 4 s: seeking and resuming fetch little more than they show.
 * - 30 fps at most: more adds bytes, not understanding, to a training film.
 * - AAC-LC, 64 kbit/s per channel, at most stereo: clear speech at a small fraction of the video's bytes.
 * - preset "slow": the encode runs once, every learner downloads the result; slower finds smaller files.
 */
export const RENDITION = {
  /** Longest side and shortest side, in pixels: 1280x720 landscape or 720x1280 upright. */
  maxLongSide: 1280,
  maxShortSide: 720,
  maxFramesPerSecond: 30,
  crf: 23,
  maxRateKbps: 2000,
  bufferKbits: 4000,
  preset: 'slow',
  profile: 'high',
  level: '4.0',
  keyframeSeconds: 4,
  audioKbpsPerChannel: 64,
  maxAudioChannels: 2,
  /** AAC in browsers: 48 kHz is the highest rate that is safe everywhere. */
  maxAudioSampleRate: 48_000,
} as const;

export interface RenditionSize {
  width: number;
  height: number;
}

/**
 * The largest size that fits the limits with the picture's shape kept, never enlarged, each side even
 * (4:2:0 chroma needs even dimensions). Upright video gets the box turned, so it is not shrunk to 405x720.
 */
export function targetSize(displayWidth: number, displayHeight: number, limits: { maxLongSide: number; maxShortSide: number } = RENDITION): RenditionSize {
  if (!(displayWidth > 0 && displayHeight > 0)) throw new RangeError(`picture size must be positive, got ${displayWidth}x${displayHeight}`);
  const long = Math.max(displayWidth, displayHeight);
  const short = Math.min(displayWidth, displayHeight);
  const scale = Math.min(1, limits.maxLongSide / long, limits.maxShortSide / short);
  // Nearest even number, but never past the source's own size (641 wide becomes 640, not 642).
  const even = (value: number, sourceSide: number): number => Math.max(2, Math.min(Math.round(value / 2) * 2, Math.floor(sourceSide / 2) * 2));
  return { width: even(displayWidth * scale, displayWidth), height: even(displayHeight * scale, displayHeight) };
}

/**
 * The output frame rate, or undefined to keep the source's. Above the limit the rate is divided by the
 * smallest whole number that brings it under, so every kept frame is an original one at an even cadence
 * (50 → 25, 59.94 → 29.97, 120 → 30), rather than resampled to 30 with judder. Phone footage has a variable
 * rate whose average can sit just above 30 (30.02); up to 5 % over counts as within the limit, or such a
 * film would be halved to 15 fps.
 */
export function targetFrameRate(source: FrameRate | undefined, maxFramesPerSecond: number = RENDITION.maxFramesPerSecond): FrameRate | undefined {
  if (source === undefined) return undefined;
  const fps = source.num / source.den;
  const limit = maxFramesPerSecond * 1.05;
  if (fps <= limit) return undefined;
  const divisor = Math.ceil(fps / limit);
  return reduce({ num: source.num, den: source.den * divisor });
}

/**
 * The colour matrix to read the source with. A tagged file says; an untagged one is taken as HD (BT.709)
 * from 720 lines up and SD (BT.601) below, the convention cameras and editors follow. Without this,
 * ffmpeg's scaler assumes BT.601 and untagged HD footage shifts in colour (skin tones go slightly green).
 */
export function inputColorMatrix(video: Pick<SourceVideoStream, 'colorSpace' | 'height' | 'width'>): string {
  switch (video.colorSpace) {
    case 'bt709':
      return 'bt709';
    case 'bt470bg':
    case 'smpte170m':
      return 'bt601';
    case 'smpte240m':
      return 'smpte240m';
    case 'fcc':
      return 'fcc';
    case 'bt2020nc':
    case 'bt2020c':
      return 'bt2020';
    default:
      return Math.min(video.width, video.height) >= 720 ? 'bt709' : 'bt601';
  }
}

/** True for HDR transfer functions (PQ, HLG), which an SDR H.264 rendition cannot show faithfully. */
export function isHdr(video: Pick<SourceVideoStream, 'colorTransfer'>): boolean {
  return video.colorTransfer === 'smpte2084' || video.colorTransfer === 'arib-std-b67';
}

export interface RenditionPlan {
  source: string;
  sourceVideo: SourceVideo;
  size: RenditionSize;
  /** Undefined: keep the source's frame rate. */
  frameRate: FrameRate | undefined;
  audio: { channels: number; bitrateKbps: number; sampleRate: number | undefined } | undefined;
}

export function planRendition(source: string, sourceVideo: SourceVideo): RenditionPlan {
  const { video, audio } = sourceVideo;
  const channels = audio === undefined ? 0 : Math.min(audio.channels, RENDITION.maxAudioChannels);
  return {
    source,
    sourceVideo,
    size: targetSize(video.displayWidth, video.displayHeight),
    frameRate: targetFrameRate(video.frameRate),
    audio:
      audio === undefined
        ? undefined
        : {
            channels,
            bitrateKbps: channels * RENDITION.audioKbpsPerChannel,
            sampleRate: audio.sampleRate > RENDITION.maxAudioSampleRate ? RENDITION.maxAudioSampleRate : undefined,
          },
  };
}

/** The picture filters shared by the film and the poster: deinterlace, scale to size with square pixels. */
function pictureFilters(plan: RenditionPlan): string[] {
  const { video } = plan.sourceVideo;
  const { width, height } = plan.size;
  return [
    // Interlaced sources (broadcast or DV tapes) would show combing on every movement.
    ...(video.interlaced ? ['bwdif=mode=send_frame'] : []),
    `scale=${width}:${height}:flags=lanczos:in_color_matrix=${inputColorMatrix(video)}:out_color_matrix=bt709:out_range=tv`,
    'setsar=1',
  ];
}

export function buildVideoFilter(plan: RenditionPlan): string {
  const rate = plan.frameRate;
  return [...(rate ? [`fps=${rate.num}/${rate.den}`] : []), ...pictureFilters(plan), 'format=yuv420p'].join(',');
}

/**
 * Output flags that drop what a source file says about where, when and on what it was made (titles, dates,
 * GPS, camera and software names, chapters) and keep version strings out of the result.
 */
const STRIP_METADATA = ['-map_metadata', '-1', '-map_chapters', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];

/** ffmpeg arguments for the rendition. Progress goes to stdout as key=value lines (see swap-encode.ts). */
export function buildEncodeArgs(plan: RenditionPlan, outFile: string): string[] {
  const { audio } = plan;
  return [
    '-hide_banner', '-nostdin', '-y', '-v', 'error', '-nostats', '-progress', 'pipe:1',
    '-i', plan.source,
    '-map', `0:${plan.sourceVideo.video.index}`,
    ...(audio ? ['-map', `0:${plan.sourceVideo.audio!.index}`] : ['-an']),
    '-vf', buildVideoFilter(plan),
    '-c:v', 'libx264', '-preset', RENDITION.preset, '-profile:v', RENDITION.profile, '-level:v', RENDITION.level,
    '-crf', String(RENDITION.crf), '-maxrate', `${RENDITION.maxRateKbps}k`, '-bufsize', `${RENDITION.bufferKbits}k`,
    '-force_key_frames', `expr:gte(t,n_forced*${RENDITION.keyframeSeconds})`,
    // Tagged, so browsers do not guess the colours.
    '-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv',
    ...(audio
      ? ['-c:a', 'aac', '-b:a', `${audio.bitrateKbps}k`, '-ac', String(audio.channels), ...(audio.sampleRate ? ['-ar', String(audio.sampleRate)] : [])]
      : []),
    ...STRIP_METADATA,
    // The index (moov) before the media data, so playback starts before the whole file has arrived.
    '-movflags', '+faststart',
    '-f', 'mp4', outFile,
  ];
}

/** ffmpeg arguments for the poster: one frame at `atSeconds`, the rendition's size, as a PNG. */
export function buildPosterArgs(plan: RenditionPlan, atSeconds: number, outFile: string): string[] {
  return [
    '-hide_banner', '-nostdin', '-y', '-v', 'error',
    // Seeking before -i is quick, and exact: ffmpeg decodes from the keyframe before and drops the rest.
    '-ss', atSeconds.toFixed(3),
    '-i', plan.source,
    '-map', `0:${plan.sourceVideo.video.index}`,
    '-frames:v', '1',
    '-vf', [...pictureFilters(plan), 'format=rgb24'].join(','),
    '-compression_level', '9', '-pred', 'mixed',
    ...STRIP_METADATA,
    '-f', 'image2', '-c:v', 'png', outFile,
  ];
}

/** Default poster time: 10 % in, past most fade-ins and title black. */
export const DEFAULT_POSTER_FRACTION = 0.1;

/** The poster time in seconds, or why the requested one cannot be used. */
export function posterTime(durationSeconds: number, requested: number | undefined): { seconds: number } | { problem: string } {
  if (requested === undefined) return { seconds: roundMs(durationSeconds * DEFAULT_POSTER_FRACTION) };
  if (!Number.isFinite(requested) || requested < 0) return { problem: `--poster-at must be a number of seconds from 0, got ${requested}` };
  // A frame must start at that time, so the last tenth of a second is out.
  const latest = Math.max(0, durationSeconds - 0.1);
  if (requested > latest) return { problem: `--poster-at ${requested} is not within the film, which is ${durationSeconds.toFixed(1)} s long; choose a time up to ${latest.toFixed(1)}` };
  return { seconds: roundMs(requested) };
}

function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function reduce(rate: FrameRate): FrameRate {
  const divisor = gcd(rate.num, rate.den);
  return { num: rate.num / divisor, den: rate.den / divisor };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** "29.97" for people. */
export function describeFrameRate(rate: FrameRate | undefined): string {
  if (rate === undefined) return 'unknown';
  return String(Math.round((rate.num / rate.den) * 100) / 100);
}
