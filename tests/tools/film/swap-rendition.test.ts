import { describe, expect, it } from 'vitest';
import type { SourceVideo } from '../../../tools/film/swap-probe.ts';
import {
  buildEncodeArgs, buildPosterArgs, buildVideoFilter, inputColorMatrix, isHdr, planRendition, posterTime, RENDITION, targetFrameRate, targetSize,
} from '../../../tools/film/swap-rendition.ts';

/** A probed source; pass null for a film with no sound track. */
function source(overrides: Partial<SourceVideo['video']> = {}, audio: SourceVideo['audio'] | null = { index: 1, codec: 'aac', channels: 2, sampleRate: 48_000 }): SourceVideo {
  return {
    durationSeconds: 600,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    video: {
      index: 0, codec: 'prores', width: 1920, height: 1080, displayWidth: 1920, displayHeight: 1080, rotation: 0,
      frameRate: { num: 25, den: 1 }, pixelFormat: 'yuv422p10le', profile: undefined, level: undefined,
      colorSpace: 'bt709', colorTransfer: 'bt709', interlaced: false, ...overrides,
    },
    audio: audio ?? undefined,
  };
}

/** Every value given to a repeated flag, e.g. each -map. */
function allAfter(args: readonly string[], flag: string): string[] {
  return args.flatMap((arg, index) => (arg === flag && index + 1 < args.length ? [args[index + 1]!] : []));
}

/** The value following a flag in an argument list. */
function after(args: readonly string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index === -1 ? undefined : args[index + 1];
}

describe('targetSize', () => {
  it('fits landscape films in 1280x720, keeping their shape', () => {
    expect(targetSize(1920, 1080)).toEqual({ width: 1280, height: 720 });
    expect(targetSize(3840, 2160)).toEqual({ width: 1280, height: 720 });
    expect(targetSize(1600, 900)).toEqual({ width: 1280, height: 720 });
    expect(targetSize(1440, 1080)).toEqual({ width: 960, height: 720 }); // 4:3
    expect(targetSize(2560, 1080)).toEqual({ width: 1280, height: 540 }); // 21:9
    expect(targetSize(1024, 576)).toEqual({ width: 1024, height: 576 }); // anamorphic PAL, already shown size
  });

  it('turns the box for upright films, so they are not shrunk to 405x720', () => {
    expect(targetSize(1080, 1920)).toEqual({ width: 720, height: 1280 });
  });

  it('never enlarges, and makes both sides even without passing the source size', () => {
    expect(targetSize(640, 360)).toEqual({ width: 640, height: 360 });
    expect(targetSize(641, 361)).toEqual({ width: 640, height: 360 });
    expect(targetSize(1, 1)).toEqual({ width: 2, height: 2 });
    for (const [w, h] of [[1919, 1079], [1366, 768], [853, 480], [720, 1280], [5000, 17]] as const) {
      const size = targetSize(w, h);
      expect(size.width % 2 + (size.height % 2)).toBe(0);
      expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(RENDITION.maxLongSide);
      expect(Math.min(size.width, size.height)).toBeLessThanOrEqual(RENDITION.maxShortSide);
      expect(Math.abs(size.width / size.height - w / h) / (w / h)).toBeLessThan(0.13); // 5000x17 is the extreme
    }
  });

  it('refuses a picture with no size', () => {
    expect(() => targetSize(0, 720)).toThrow(RangeError);
  });
});

describe('targetFrameRate', () => {
  it('keeps rates up to 30 fps, and the slightly-over averages of variable-rate phone footage', () => {
    for (const rate of [{ num: 24000, den: 1001 }, { num: 25, den: 1 }, { num: 30000, den: 1001 }, { num: 30, den: 1 }, { num: 3002, den: 100 }]) {
      expect(targetFrameRate(rate)).toBeUndefined();
    }
    expect(targetFrameRate(undefined)).toBeUndefined();
  });

  it('divides faster rates by a whole number, so every kept frame is an original', () => {
    expect(targetFrameRate({ num: 50, den: 1 })).toEqual({ num: 25, den: 1 });
    expect(targetFrameRate({ num: 60000, den: 1001 })).toEqual({ num: 30000, den: 1001 });
    expect(targetFrameRate({ num: 60, den: 1 })).toEqual({ num: 30, den: 1 });
    expect(targetFrameRate({ num: 48, den: 1 })).toEqual({ num: 24, den: 1 });
    expect(targetFrameRate({ num: 90, den: 1 })).toEqual({ num: 30, den: 1 });
    expect(targetFrameRate({ num: 100, den: 1 })).toEqual({ num: 25, den: 1 });
    expect(targetFrameRate({ num: 120, den: 1 })).toEqual({ num: 30, den: 1 });
    expect(targetFrameRate({ num: 240, den: 1 })).toEqual({ num: 30, den: 1 });
  });
});

describe('inputColorMatrix and isHdr', () => {
  it('follows the tag, and guesses HD or SD for untagged footage by its size', () => {
    expect(inputColorMatrix({ colorSpace: 'bt709', width: 720, height: 576 })).toBe('bt709');
    expect(inputColorMatrix({ colorSpace: 'smpte170m', width: 1920, height: 1080 })).toBe('bt601');
    expect(inputColorMatrix({ colorSpace: 'bt470bg', width: 720, height: 576 })).toBe('bt601');
    expect(inputColorMatrix({ colorSpace: 'bt2020nc', width: 3840, height: 2160 })).toBe('bt2020');
    expect(inputColorMatrix({ colorSpace: undefined, width: 1280, height: 720 })).toBe('bt709');
    expect(inputColorMatrix({ colorSpace: undefined, width: 720, height: 1280 })).toBe('bt709');
    expect(inputColorMatrix({ colorSpace: undefined, width: 720, height: 480 })).toBe('bt601');
  });

  it('spots PQ and HLG', () => {
    expect(isHdr({ colorTransfer: 'smpte2084' })).toBe(true);
    expect(isHdr({ colorTransfer: 'arib-std-b67' })).toBe(true);
    expect(isHdr({ colorTransfer: 'bt709' })).toBe(false);
    expect(isHdr({ colorTransfer: undefined })).toBe(false);
  });
});

describe('planRendition and the ffmpeg arguments', () => {
  it('plans 1280x720, stereo AAC at 128 kbit/s, keeping a 25 fps rate', () => {
    const plan = planRendition('/in/film.mov', source());
    expect(plan.size).toEqual({ width: 1280, height: 720 });
    expect(plan.frameRate).toBeUndefined();
    expect(plan.audio).toEqual({ channels: 2, bitrateKbps: 128, sampleRate: undefined });
  });

  it('encodes H.264 High@4.0 yuv420p with capped CRF, keyframes every 4 s, AAC, no metadata, faststart', () => {
    const args = buildEncodeArgs(planRendition('/in/film.mov', source()), '/work/out.mp4');
    expect(after(args, '-i')).toBe('/in/film.mov');
    expect(allAfter(args, '-map')).toEqual(['0:0', '0:1']);
    expect(after(args, '-c:v')).toBe('libx264');
    expect(after(args, '-profile:v')).toBe('high');
    expect(after(args, '-level:v')).toBe('4.0');
    expect(after(args, '-crf')).toBe('23');
    expect(after(args, '-maxrate')).toBe('2000k');
    expect(after(args, '-bufsize')).toBe('4000k');
    expect(after(args, '-force_key_frames')).toBe('expr:gte(t,n_forced*4)');
    expect(after(args, '-vf')).toBe('scale=1280:720:flags=lanczos:in_color_matrix=bt709:out_color_matrix=bt709:out_range=tv,setsar=1,format=yuv420p');
    expect(after(args, '-c:a')).toBe('aac');
    expect(after(args, '-b:a')).toBe('128k');
    expect(after(args, '-ac')).toBe('2');
    expect(args).not.toContain('-ar');
    expect(after(args, '-map_metadata')).toBe('-1');
    expect(after(args, '-map_chapters')).toBe('-1');
    expect(after(args, '-movflags')).toBe('+faststart');
    expect(after(args, '-progress')).toBe('pipe:1');
    expect(args.at(-1)).toBe('/work/out.mp4');
  });

  it('halves 50 fps, deinterlaces, downmixes 5.1 to stereo and resamples 96 kHz sound', () => {
    const plan = planRendition('/in/film.mxf', source({ frameRate: { num: 50, den: 1 }, interlaced: true, colorSpace: undefined, width: 720, height: 576, displayWidth: 1024, displayHeight: 576 }, { index: 3, codec: 'pcm_s24le', channels: 6, sampleRate: 96_000 }));
    expect(buildVideoFilter(plan)).toBe('fps=25/1,bwdif=mode=send_frame,scale=1024:576:flags=lanczos:in_color_matrix=bt601:out_color_matrix=bt709:out_range=tv,setsar=1,format=yuv420p');
    const args = buildEncodeArgs(plan, '/work/out.mp4');
    expect(allAfter(args, '-map')).toEqual(['0:0', '0:3']);
    expect(after(args, '-ac')).toBe('2');
    expect(after(args, '-b:a')).toBe('128k');
    expect(after(args, '-ar')).toBe('48000');
  });

  it('gives mono sound 64 kbit/s and a silent film no sound track', () => {
    expect(planRendition('a.mp4', source({}, { index: 1, codec: 'aac', channels: 1, sampleRate: 44_100 })).audio).toEqual({ channels: 1, bitrateKbps: 64, sampleRate: undefined });
    const silent = buildEncodeArgs(planRendition('a.mp4', source({}, null)), 'out.mp4');
    expect(silent).toContain('-an');
    expect(silent).not.toContain('-c:a');
    expect(allAfter(silent, '-map')).toEqual(['0:0']);
  });

  it('takes the poster from the source at the rendition size, as RGB PNG, without the frame-rate filter', () => {
    const plan = planRendition('/in/film.mov', source({ frameRate: { num: 50, den: 1 } }));
    const args = buildPosterArgs(plan, 60, '/work/poster.png');
    expect(args.indexOf('-ss')).toBeLessThan(args.indexOf('-i'));
    expect(after(args, '-ss')).toBe('60.000');
    expect(after(args, '-frames:v')).toBe('1');
    expect(after(args, '-vf')).toBe('scale=1280:720:flags=lanczos:in_color_matrix=bt709:out_color_matrix=bt709:out_range=tv,setsar=1,format=rgb24');
    expect(after(args, '-map_metadata')).toBe('-1');
    expect(after(args, '-c:v')).toBe('png');
    expect(args.at(-1)).toBe('/work/poster.png');
  });
});

describe('posterTime', () => {
  it('defaults to 10 % into the film', () => {
    expect(posterTime(125.8, undefined)).toEqual({ seconds: 12.58 });
  });

  it('accepts a time inside the film and refuses one outside it', () => {
    expect(posterTime(120, 0)).toEqual({ seconds: 0 });
    expect(posterTime(120, 119.9)).toEqual({ seconds: 119.9 });
    expect(posterTime(120, 119.95)).toEqual({ problem: expect.stringContaining('not within the film, which is 120.0 s long') });
    expect(posterTime(120, -1)).toEqual({ problem: expect.stringContaining('from 0') });
    expect(posterTime(120, Number.NaN)).toEqual({ problem: expect.stringContaining('--poster-at') });
  });
});
