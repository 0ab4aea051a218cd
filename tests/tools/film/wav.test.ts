import { describe, expect, it } from 'vitest';
import { encodeWav, parseWav } from '../../../tools/film/wav.ts';

describe('encodeWav / parseWav', () => {
  it('round-trips mono 16-bit PCM', () => {
    const samples = Int16Array.from([0, 1, -1, 32767, -32768, 1234]);
    const file = encodeWav({ sampleRate: 22_050, samples });
    expect(file.byteLength).toBe(44 + samples.length * 2);
    expect(new TextDecoder().decode(file.subarray(0, 4))).toBe('RIFF');
    const parsed = parseWav(file);
    expect(parsed.sampleRate).toBe(22_050);
    expect([...parsed.samples]).toEqual([...samples]);
  });

  it('skips unknown chunks, honouring odd-length padding', () => {
    const pcm = encodeWav({ sampleRate: 16_000, samples: Int16Array.from([5, -5]) });
    // Insert a 3-byte "LIST" chunk (padded to 4) between "fmt " and "data".
    const extra = Uint8Array.from([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    const file = new Uint8Array([...pcm.subarray(0, 36), ...extra, ...pcm.subarray(36)]);
    expect([...parseWav(file).samples]).toEqual([5, -5]);
  });

  it('takes what is there when a streaming writer left a placeholder data size', () => {
    const file = encodeWav({ sampleRate: 8_000, samples: Int16Array.from([7, 8, 9]) });
    new DataView(file.buffer).setUint32(40, 0xffffffff, true);
    expect([...parseWav(file).samples]).toEqual([7, 8, 9]);
  });

  it('refuses files that are not mono 16-bit PCM WAV', () => {
    expect(() => parseWav(new TextEncoder().encode('not a wav file at all'))).toThrow(/RIFF\/WAVE/);
    const stereo = encodeWav({ sampleRate: 8_000, samples: Int16Array.from([1, 2]) });
    new DataView(stereo.buffer).setUint16(22, 2, true);
    expect(() => parseWav(stereo)).toThrow(/2 channel/);
    const noData = encodeWav({ sampleRate: 8_000, samples: new Int16Array(0) }).subarray(0, 36);
    expect(() => parseWav(noData)).toThrow(/no "data" chunk/);
  });
});
