import { describe, expect, it } from 'vitest';
import { parseProbeOutput, parseRatio, type SourceVideo } from '../../../tools/film/swap-probe.ts';

/** ffprobe -show_format -show_streams -of json, cut down to the fields it always prints that matter here. */
function probe(streams: Record<string, unknown>[], format: Record<string, unknown> = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '12.011000' }): string {
  return JSON.stringify({ streams, format });
}

const H264_1080 = {
  index: 0,
  codec_name: 'h264',
  codec_type: 'video',
  profile: 'High',
  level: 40,
  width: 1920,
  height: 1080,
  sample_aspect_ratio: '1:1',
  pix_fmt: 'yuv420p',
  color_space: 'bt709',
  color_transfer: 'bt709',
  field_order: 'progressive',
  r_frame_rate: '25/1',
  avg_frame_rate: '25/1',
  duration: '12.000000',
  disposition: { default: 1, attached_pic: 0 },
};
const AAC_STEREO = { index: 1, codec_name: 'aac', codec_type: 'audio', channels: 2, sample_rate: '48000', disposition: { default: 1, attached_pic: 0 } };

function parsed(json: string): SourceVideo {
  const result = parseProbeOutput(json, 'film.mov');
  if (!('source' in result)) throw new Error(`expected a source, got ${result.problems.join('; ')}`);
  return result.source;
}

describe('parseProbeOutput', () => {
  it('reads duration, the picture stream and the sound stream', () => {
    const source = parsed(probe([H264_1080, AAC_STEREO]));
    expect(source.durationSeconds).toBe(12.011);
    expect(source.formatName).toBe('mov,mp4,m4a,3gp,3g2,mj2');
    expect(source.video).toMatchObject({
      index: 0, codec: 'h264', width: 1920, height: 1080, displayWidth: 1920, displayHeight: 1080, rotation: 0,
      frameRate: { num: 25, den: 1 }, pixelFormat: 'yuv420p', profile: 'High', level: 40, colorSpace: 'bt709', interlaced: false,
    });
    expect(source.audio).toEqual({ index: 1, codec: 'aac', channels: 2, sampleRate: 48_000 });
  });

  it('skips cover art stored as a one-frame video stream', () => {
    const coverArt = { ...H264_1080, index: 0, codec_name: 'mjpeg', width: 600, height: 600, disposition: { default: 0, attached_pic: 1 } };
    const source = parsed(probe([coverArt, { ...H264_1080, index: 1 }, { ...AAC_STEREO, index: 2 }]));
    expect(source.video.index).toBe(1);
    expect(source.video.codec).toBe('h264');
  });

  it('stretches non-square pixels to the shape they are shown in (PAL widescreen)', () => {
    const source = parsed(probe([{ ...H264_1080, width: 720, height: 576, sample_aspect_ratio: '64:45' }, AAC_STEREO]));
    expect([source.video.displayWidth, source.video.displayHeight]).toEqual([1024, 576]);
  });

  it('turns the picture for phone footage filmed upright, from side data or the older rotate tag', () => {
    const fromSideData = parsed(probe([{ ...H264_1080, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }]));
    expect(fromSideData.video).toMatchObject({ width: 1920, height: 1080, displayWidth: 1080, displayHeight: 1920, rotation: -90 });
    const fromTag = parsed(probe([{ ...H264_1080, tags: { rotate: '270' } }]));
    expect([fromTag.video.displayWidth, fromTag.video.displayHeight]).toEqual([1080, 1920]);
    const upsideDown = parsed(probe([{ ...H264_1080, side_data_list: [{ rotation: 180 }] }]));
    expect([upsideDown.video.displayWidth, upsideDown.video.displayHeight]).toEqual([1920, 1080]);
  });

  it('prefers the average frame rate, falling back when it is missing or a timebase artefact', () => {
    expect(parsed(probe([{ ...H264_1080, avg_frame_rate: '30000/1001' }])).video.frameRate).toEqual({ num: 30000, den: 1001 });
    expect(parsed(probe([{ ...H264_1080, avg_frame_rate: '0/0', r_frame_rate: '50/1' }])).video.frameRate).toEqual({ num: 50, den: 1 });
    expect(parsed(probe([{ ...H264_1080, avg_frame_rate: '0/0', r_frame_rate: '90000/1' }])).video.frameRate).toBeUndefined();
  });

  it('notices interlaced pictures and untagged colours', () => {
    const source = parsed(probe([{ ...H264_1080, field_order: 'tt', color_space: 'unknown', color_transfer: undefined }]));
    expect(source.video.interlaced).toBe(true);
    expect(source.video.colorSpace).toBeUndefined();
    expect(source.video.colorTransfer).toBeUndefined();
  });

  it('takes the default sound track when there are several, and allows a silent film', () => {
    const commentary = { ...AAC_STEREO, index: 1, disposition: { default: 0 } };
    const main = { ...AAC_STEREO, index: 2, channels: 6 };
    expect(parsed(probe([H264_1080, commentary, main])).audio).toMatchObject({ index: 2, channels: 6 });
    expect(parsed(probe([H264_1080])).audio).toBeUndefined();
  });

  it('uses the picture stream duration when the container gives none', () => {
    expect(parsed(probe([H264_1080], { format_name: 'matroska,webm' })).durationSeconds).toBe(12);
  });

  it('names the file and says what to do when there is no picture', () => {
    const result = parseProbeOutput(probe([AAC_STEREO]), 'narration.m4a');
    expect(result).toEqual({ problems: [expect.stringMatching(/^narration\.m4a has no video stream .*export the film as a video/)] });
  });

  it('reports a file with no size or no length', () => {
    const noSize = parseProbeOutput(probe([{ ...H264_1080, width: 0 }]), 'a.mp4');
    expect('problems' in noSize && noSize.problems).toEqual([expect.stringContaining('cannot tell the picture size')]);
    const noLength = parseProbeOutput(probe([{ ...H264_1080, duration: 'N/A' }], { format_name: 'png_pipe' }), 'still.png');
    expect('problems' in noLength && noLength.problems).toEqual([expect.stringContaining('cannot tell how long the film is')]);
  });

  it('reports output that is not JSON', () => {
    expect(parseProbeOutput('not json', 'x.mp4')).toEqual({ problems: [expect.stringContaining('x.mp4')] });
  });
});

describe('parseRatio', () => {
  it('reads n/d and n:d, and refuses zero and non-numbers', () => {
    expect(parseRatio('30000/1001')).toEqual({ num: 30000, den: 1001 });
    expect(parseRatio('16:9')).toEqual({ num: 16, den: 9 });
    expect(parseRatio('0/0')).toBeUndefined();
    expect(parseRatio('0:1')).toBeUndefined();
    expect(parseRatio('N/A')).toBeUndefined();
    expect(parseRatio(undefined)).toBeUndefined();
  });
});
