import { describe, expect, it } from 'vitest';
import { FilmController, type FilmMedia, type FilmMediaEvent, type FilmProgress } from '../../../../course/player/logic/film-controller.ts';
import type { VideoEvent } from '../../../../course/runtime/tracker.ts';
import type { FilmCuePoint } from '../../../../course/model/types.ts';
import { fixtureCourse } from '../fixture-course.ts';

/** A media element stand-in that fires the events a browser would, in the order it would. */
class FakeMedia implements FilmMedia {
  current = 0;
  isPaused = true;
  isSeeking = false;
  playbackRate = 1;
  length = 100;
  private handlers = new Map<FilmMediaEvent, Set<() => void>>();

  time(): number {
    return this.current;
  }
  duration(): number {
    return this.length;
  }
  paused(): boolean {
    return this.isPaused;
  }
  seeking(): boolean {
    return this.isSeeking;
  }
  rate(): number {
    return this.playbackRate;
  }
  pause(): void {
    if (this.isPaused) return;
    this.isPaused = true;
    this.fire('pause');
  }
  play(): void {
    if (!this.isPaused) return;
    this.isPaused = false;
    this.fire('play');
  }
  seekTo(seconds: number): void {
    this.isSeeking = true;
    this.current = seconds;
    this.fire('seeking');
    this.isSeeking = false;
    this.fire('seeked');
  }
  on(event: FilmMediaEvent, handler: () => void): () => void {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler);
    this.handlers.set(event, set);
    return () => set.delete(handler);
  }
  fire(event: FilmMediaEvent): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler();
  }
  /** Plays until `to` in 0.25 s timeupdates, stopping early if something pauses playback. */
  playTo(to: number): void {
    this.play();
    while (!this.isPaused && this.current < to - 1e-9) {
      this.current = Math.min(to, Math.round((this.current + 0.25 * this.playbackRate) * 1000) / 1000);
      this.fire('timeupdate');
    }
  }
  end(): void {
    this.current = this.length;
    this.isPaused = true;
    this.fire('pause');
    this.fire('ended');
  }
}

function setUp(options: { allowSkipAhead?: boolean; cuePoints?: FilmCuePoint[]; answered?: string[]; played?: [number, number][] } = {}) {
  const media = new FakeMedia();
  const progress: FilmProgress[] = [];
  const events: VideoEvent[] = [];
  const cues: FilmCuePoint[] = [];
  const refused: number[] = [];
  const controller = new FilmController({
    media,
    cuePoints: options.cuePoints ?? [],
    answeredQuestionIds: new Set(options.answered ?? []),
    initialPlayed: options.played ?? [],
    durationHint: 100,
    watchedPercent: 90,
    allowSkipAhead: options.allowSkipAhead ?? true,
    onProgress: (p) => progress.push(p),
    onVideoEvent: (e) => events.push(e),
    onCuePoint: (c) => cues.push(c),
    onSeekRefused: (limit) => refused.push(limit),
  });
  return { media, controller, progress, events, cues, refused };
}

describe('FilmController', () => {
  it('counts only time actually played: seeking to the end does not complete the film', () => {
    const { media, controller, events } = setUp();
    media.playTo(10);
    media.seekTo(99);
    media.playTo(100);
    media.end();
    expect(controller.progress.played).toEqual([
      [0, 10],
      [99, 100],
    ]);
    expect(controller.progress.watched).toBe(false);
    expect(events.some((e) => e.verb === 'completed')).toBe(false);
    const seeked = events.find((e) => e.verb === 'seeked');
    expect(seeked).toMatchObject({ from: 10, time: 99 });
  });

  it('completes once the threshold is played, reporting completed once with the segments', () => {
    const { media, controller, events, progress } = setUp();
    media.playTo(95);
    expect(controller.progress.watched).toBe(true);
    const completed = events.filter((e) => e.verb === 'completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]?.progress).toBeCloseTo(0.9, 5);
    expect(completed[0]?.playedSegments).toBe('0[.]90');
    expect(progress.some((p) => p.watched)).toBe(true);
    media.playTo(100);
    media.end();
    expect(events.filter((e) => e.verb === 'completed')).toHaveLength(1);
  });

  it('refuses to skip ahead when not allowed, but lets the learner go back', () => {
    const { media, controller, refused } = setUp({ allowSkipAhead: false });
    media.playTo(20);
    media.seekTo(80);
    expect(media.current).toBe(20);
    expect(refused).toEqual([20]);
    media.seekTo(5);
    expect(media.current).toBe(5);
    expect(refused).toHaveLength(1);
    media.playTo(25);
    expect(controller.progress.played).toEqual([[0, 25]]);
  });

  it('allows skipping ahead when the course allows it', () => {
    const { media, refused } = setUp({ allowSkipAhead: true });
    media.playTo(20);
    media.seekTo(80);
    expect(media.current).toBe(80);
    expect(refused).toEqual([]);
  });

  it('pauses at a cue point, asks once, and continues when told', () => {
    const course = fixtureCourse();
    const { media, controller, cues } = setUp({ cuePoints: course.film.cuePoints });
    media.playTo(50);
    expect(cues.map((c) => c.id)).toEqual(['cue-1']);
    expect(media.isPaused).toBe(true);
    expect(media.current).toBeGreaterThanOrEqual(30);
    expect(media.current).toBeLessThan(31);
    controller.continueAfterCue();
    media.playTo(50);
    expect(media.current).toBe(50);
    media.seekTo(10);
    media.playTo(50);
    expect(cues).toHaveLength(1);
  });

  it('asks at a cue point that a stall skipped over, without counting the stalled stretch as watched', () => {
    const course = fixtureCourse();
    const { media, cues, progress } = setUp({ cuePoints: course.film.cuePoints });
    media.playTo(28);
    // A busy machine: the next timeupdate comes six seconds of film later, past the cue point at 30 s.
    media.current = 34;
    media.fire('timeupdate');
    expect(cues.map((c) => c.id)).toEqual(['cue-1']);
    expect(media.isPaused).toBe(true);
    expect(progress.at(-1)?.played.some(([start, end]) => start < 31 && end > 29)).toBe(false);
  });

  it('does not ask at a cue point the learner seeked past', () => {
    const course = fixtureCourse();
    const { media, cues } = setUp({ cuePoints: course.film.cuePoints });
    media.playTo(20);
    media.seekTo(40);
    media.playTo(45);
    expect(cues).toEqual([]);
  });

  it('does not ask questions already answered in an earlier session', () => {
    const course = fixtureCourse();
    const { media, cues } = setUp({ cuePoints: course.film.cuePoints, answered: ['film-q1'] });
    media.playTo(70);
    expect(cues.map((c) => c.id)).toEqual(['cue-2']);
  });

  it('continues from saved ranges', () => {
    const { media, controller } = setUp({ played: [[0, 50]] });
    media.current = 50;
    media.playTo(95);
    expect(controller.progress.played).toEqual([[0, 95]]);
    expect(controller.progress.watched).toBe(true);
  });

  it('reports progress on pause and stops listening once disposed', () => {
    const { media, controller, progress, events } = setUp();
    media.playTo(3);
    media.pause();
    expect(progress.at(-1)?.position).toBe(3);
    expect(events.map((e) => e.verb)).toEqual(['played', 'paused']);
    controller.dispose();
    media.playTo(6);
    expect(events).toHaveLength(2);
  });
});
