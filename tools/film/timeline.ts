// Where every scene and every spoken sentence sits in the film.
// Positions are whole audio samples, so the narration track, the video frames and every WebVTT
// time derive from the same integers and cannot drift apart.

export interface TimingOptions {
  /** Sample rate of the narration audio (espeak-ng writes 22,050 Hz). */
  sampleRate: number;
  /** Video frame rate; scene boundaries fall on whole frames. */
  framesPerSecond: number;
  /** Silence before the first sentence of a scene, while the card settles in. */
  leadInSeconds: number;
  /** Silence between sentences (each sentence is spoken separately, so this replaces espeak-ng's pause). */
  sentenceGapSeconds: number;
  /** Minimum silence after the last sentence, to let the card be read before the next one. */
  tailSeconds: number;
}

export interface SentenceSpan {
  text: string;
  startSample: number;
  endSample: number;
}

export interface SceneSpan {
  startSample: number;
  endSample: number;
  sentences: SentenceSpan[];
}

export interface Timeline {
  sampleRate: number;
  scenes: SceneSpan[];
  totalSamples: number;
}

/** One spoken sentence and its measured length in samples. */
export interface SpokenSentence {
  text: string;
  samples: number;
}

/**
 * Lays the scenes end to end: lead-in, sentences with gaps, then a tail padded so the scene ends
 * on a whole video frame.
 */
export function planTimeline(scenes: readonly (readonly SpokenSentence[])[], options: TimingOptions): Timeline {
  const { sampleRate, framesPerSecond } = options;
  const samplesPerFrame = sampleRate / framesPerSecond;
  if (!Number.isInteger(samplesPerFrame)) {
    throw new RangeError(`${framesPerSecond} fps does not divide ${sampleRate} Hz into whole samples per frame`);
  }
  const toSamples = (seconds: number): number => Math.round(seconds * sampleRate);
  const leadIn = toSamples(options.leadInSeconds);
  const gap = toSamples(options.sentenceGapSeconds);
  const tail = toSamples(options.tailSeconds);

  const spans: SceneSpan[] = [];
  let sceneStart = 0;
  scenes.forEach((sentences, index) => {
    if (sentences.length === 0) throw new RangeError(`scene ${index + 1} has nothing to say`);
    let cursor = sceneStart + leadIn;
    const sentenceSpans = sentences.map((sentence, sentenceIndex) => {
      if (!Number.isInteger(sentence.samples) || sentence.samples <= 0) {
        throw new RangeError(`scene ${index + 1}, sentence ${sentenceIndex + 1}: length must be a positive whole number of samples`);
      }
      if (sentenceIndex > 0) cursor += gap;
      const span = { text: sentence.text, startSample: cursor, endSample: cursor + sentence.samples };
      cursor = span.endSample;
      return span;
    });
    const rawLength = cursor + tail - sceneStart;
    const sceneEnd = sceneStart + Math.ceil(rawLength / samplesPerFrame) * samplesPerFrame;
    spans.push({ startSample: sceneStart, endSample: sceneEnd, sentences: sentenceSpans });
    sceneStart = sceneEnd;
  });
  return { sampleRate, scenes: spans, totalSamples: sceneStart };
}

/** A sample position as whole milliseconds (WebVTT precision). */
export function samplesToMs(samples: number, sampleRate: number): number {
  return Math.round((samples * 1000) / sampleRate);
}

/** How many video frames a span of samples covers (spans produced by planTimeline are whole frames). */
export function samplesToFrames(samples: number, sampleRate: number, framesPerSecond: number): number {
  const frames = (samples * framesPerSecond) / sampleRate;
  if (!Number.isInteger(frames)) throw new RangeError(`${samples} samples is not a whole number of frames`);
  return frames;
}
