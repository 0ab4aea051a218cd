// Minimal RIFF/WAVE reading and writing for 16-bit PCM, the format espeak-ng writes.

export interface PcmAudio {
  sampleRate: number;
  /** Mono 16-bit little-endian samples. */
  samples: Int16Array;
}

/** Reads a mono 16-bit PCM WAV file; throws on anything else, naming what it found. */
export function parseWav(file: Uint8Array): PcmAudio {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const tag = (offset: number): string => String.fromCharCode(...file.subarray(offset, offset + 4));
  if (file.byteLength < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');

  let format: { audioFormat: number; channels: number; sampleRate: number; bitsPerSample: number } | undefined;
  let data: Uint8Array | undefined;
  for (let offset = 12; offset + 8 <= file.byteLength; ) {
    const id = tag(offset);
    const declared = view.getUint32(offset + 4, true);
    const bodyStart = offset + 8;
    // A streaming writer may leave a placeholder size; take what is actually there.
    const size = Math.min(declared, file.byteLength - bodyStart);
    if (id === 'fmt ' && size >= 16) {
      format = {
        audioFormat: view.getUint16(bodyStart, true),
        channels: view.getUint16(bodyStart + 2, true),
        sampleRate: view.getUint32(bodyStart + 4, true),
        bitsPerSample: view.getUint16(bodyStart + 14, true),
      };
    } else if (id === 'data') {
      data = file.subarray(bodyStart, bodyStart + size);
    }
    offset = bodyStart + size + (size % 2); // chunks are padded to an even length
  }
  if (!format) throw new Error('WAV file has no "fmt " chunk');
  if (!data) throw new Error('WAV file has no "data" chunk');
  const { audioFormat, channels, bitsPerSample, sampleRate } = format;
  if (audioFormat !== 1 || channels !== 1 || bitsPerSample !== 16) {
    throw new Error(`expected mono 16-bit PCM, got format ${audioFormat}, ${channels} channel(s), ${bitsPerSample} bits`);
  }
  const samples = new Int16Array(Math.floor(data.byteLength / 2));
  const dataView = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let i = 0; i < samples.length; i++) samples[i] = dataView.getInt16(i * 2, true);
  return { sampleRate, samples };
}

/** Writes mono 16-bit PCM as a canonical 44-byte-header WAV file. */
export function encodeWav(audio: PcmAudio): Uint8Array {
  const dataBytes = audio.samples.length * 2;
  const file = new Uint8Array(44 + dataBytes);
  const view = new DataView(file.buffer);
  const writeTag = (offset: number, text: string): void => {
    for (let i = 0; i < 4; i++) file[offset + i] = text.charCodeAt(i);
  };
  writeTag(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeTag(8, 'WAVE');
  writeTag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true);
  writeTag(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < audio.samples.length; i++) view.setInt16(44 + i * 2, audio.samples[i]!, true);
  return file;
}
