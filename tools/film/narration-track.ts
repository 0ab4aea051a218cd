// The film's whole narration as one track: each spoken sentence placed at its planned sample, silence between.
import type { Timeline } from './timeline.ts';
import type { PcmAudio } from './wav.ts';

/**
 * Builds the narration track from the timeline and the sentences' audio (indexed like
 * timeline.scenes[i].sentences[j]). Every sentence must have exactly the planned length and
 * sample rate, so the track matches the timeline the captions were written from.
 */
export function assembleNarration(timeline: Timeline, sentenceAudio: readonly (readonly PcmAudio[])[]): PcmAudio {
  const track = new Int16Array(timeline.totalSamples);
  timeline.scenes.forEach((scene, sceneIndex) => {
    scene.sentences.forEach((sentence, sentenceIndex) => {
      const audio = sentenceAudio[sceneIndex]?.[sentenceIndex];
      const where = `scene ${sceneIndex + 1}, sentence ${sentenceIndex + 1}`;
      if (!audio) throw new RangeError(`${where}: no audio`);
      if (audio.sampleRate !== timeline.sampleRate) throw new RangeError(`${where}: ${audio.sampleRate} Hz, expected ${timeline.sampleRate} Hz`);
      if (audio.samples.length !== sentence.endSample - sentence.startSample) {
        throw new RangeError(`${where}: ${audio.samples.length} samples, the timeline planned ${sentence.endSample - sentence.startSample}`);
      }
      track.set(audio.samples, sentence.startSample);
    });
  });
  return { sampleRate: timeline.sampleRate, samples: track };
}
