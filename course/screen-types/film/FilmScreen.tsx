// The film screen: video.js (loaded on demand), how much has been watched against the goal, questions at
// timestamps, chapter shortcuts and the transcript. The rules themselves live in FilmController. The question form
// is fetched once the player is up, not with the screen: the first question comes well into the film, and the
// screen's own download stays smaller.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { FilmCuePoint, FilmScreen as FilmData, Question } from '../../model/types.ts';
import { usePlayer } from '../../player/app/player-context.ts';
import { useStrings } from '../../player/app/use-strings.ts';
import { loadLazy, useLazy } from '../../player/app/use-lazy.ts';
import { FilmController, type FilmProgress } from '../../player/logic/film-controller.ts';
import { resumePosition } from '../../player/logic/cue-points.ts';
import { meetsWatchedThreshold, watchedFraction } from '../../player/logic/watched-ranges.ts';
import { formatClock } from '../../player/logic/webvtt.ts';
import { Paragraphs } from '../../player/components/Paragraphs.tsx';
import { LoadProblem } from '../../player/components/LoadProblem.tsx';
import { useChapters } from '../../player/components/use-chapters.ts';
import { TranscriptPanel } from './TranscriptPanel.tsx';
import type { FilmPlayerHandle } from './video-player.ts';
import '../../player/styles/film-screen.css';

type LoadState = 'loading' | 'ready' | 'failed';

const loadQuestionBlock = () => import('../../player/components/QuestionBlock.tsx').then((m) => m.QuestionBlock);

export function FilmScreen({ screen }: { screen: FilmData }) {
  const { session, announce } = usePlayer();
  const t = useStrings();
  const { course } = session.config;
  const { film, completion } = course;
  const containerRef = useRef<HTMLDivElement>(null);
  const controllerRef = useRef<FilmController | null>(null);
  const handleRef = useRef<FilmPlayerHandle | null>(null);
  const cueHeadingRef = useRef<HTMLHeadingElement>(null);
  const [load, setLoad] = useState<LoadState>('loading');
  const [cue, setCue] = useState<FilmCuePoint | null>(null);
  const initialPlayed = session.state.film.played;
  const [progress, setProgress] = useState(() => ({
    fraction: watchedFraction(initialPlayed, film.durationSeconds),
    watched: meetsWatchedThreshold(initialPlayed, film.durationSeconds, completion.filmWatchedPercent),
  }));
  const chapters = useChapters(film.chapters);

  useEffect(() => {
    let live = true;
    const report = (p: FilmProgress): void => {
      session.dispatch({ type: 'film-progress', screenId: screen.id, position: p.position, played: p.played, watched: p.watched });
      if (live) setProgress({ fraction: p.fraction, watched: p.watched });
    };
    const answered = new Set(Object.keys(session.state.answers));
    import('./video-player.ts')
      .then(({ createFilmPlayer }) => {
        if (!live || !containerRef.current) return;
        const handle = createFilmPlayer(containerRef.current, {
          film,
          language: course.language,
          controlLabels: t.videoPlayer,
          labels: { video: t.film.videoLabel(film.title), descriptions: t.film.descriptionsTrack, chapters: t.film.chapters },
          startAt: resumePosition(session.state.film.position, film.durationSeconds, film.cuePoints, answered),
        });
        handleRef.current = handle;
        controllerRef.current = new FilmController({
          media: handle.media,
          cuePoints: film.cuePoints,
          answeredQuestionIds: answered,
          initialPlayed,
          durationHint: film.durationSeconds,
          watchedPercent: completion.filmWatchedPercent,
          allowSkipAhead: completion.allowSkipAhead,
          onProgress: report,
          onVideoEvent: (event) => session.recordVideo(event),
          onCuePoint: (reached) => {
            setCue(reached);
            requestAnimationFrame(() => cueHeadingRef.current?.focus());
          },
          onSeekRefused: () => announce(t.film.skipRefused),
        });
        setLoad('ready');
        if (film.cuePoints.length > 0) void loadLazy('film:question', loadQuestionBlock).catch(() => undefined);
      })
      .catch(() => {
        if (live) setLoad('failed');
      });

    // Leaving the page mid-film: hand over the latest position before the session saves and ends.
    const stopLastWord = session.beforeEnd(() => {
      if (controllerRef.current) report(controllerRef.current.progress);
    });
    return () => {
      live = false;
      stopLastWord();
      const controller = controllerRef.current;
      if (controller) {
        report(controller.progress);
        controller.dispose();
      }
      handleRef.current?.dispose();
      controllerRef.current = null;
      handleRef.current = null;
    };
  }, [screen.id]);

  const continueWatching = (): void => {
    setCue(null);
    controllerRef.current?.continueAfterCue();
    handleRef.current?.focus();
  };

  const seekTo = (seconds: number): void => {
    const media = handleRef.current?.media;
    if (!media) return;
    media.seekTo(seconds);
    handleRef.current?.focus();
  };

  const percentWatched = Math.floor(progress.fraction * 100);

  return (
    <>
      <Paragraphs text={screen.body} />
      <div class="film">
        <div class="film__player" ref={containerRef} />
        {load === 'loading' && <p class="film__status">{t.film.loadingPlayer}</p>}
        {load === 'failed' && <p class="film__status callout callout--warning">{t.film.playerFailed}</p>}
        {/* Said by the player, where a learner looking for audio description looks: how to turn it on, and that the
            transcript describes what is shown too. Only what this film and a working player have is promised. */}
        <p class="film__note hint">{film.descriptions && load !== 'failed' ? t.film.descriptionsNote : t.film.transcriptNote}</p>
      </div>

      {cue && (
        <section class="cue-question" aria-labelledby="cue-question-heading">
          <h2 id="cue-question-heading" tabIndex={-1} ref={cueHeadingRef}>
            {t.film.questionHeading(film.cuePoints.findIndex((c) => c.id === cue.id) + 1, film.cuePoints.length)}
          </h2>
          <p>{t.film.questionIntro}</p>
          <CueQuestion question={cue.question} />
          <button type="button" class="button button--secondary" onClick={continueWatching}>
            {t.film.continueWatching}
          </button>
        </section>
      )}

      <div class="film-progress">
        <p>
          {t.film.watchedSoFar(percentWatched)}{' '}
          {progress.watched ? t.film.watchedDone : t.film.watchedGoal(completion.filmWatchedPercent)}
        </p>
        <div class="progress-bar" aria-hidden="true">
          <div class="progress-bar__fill" style={{ width: `${percentWatched}%` }} />
        </div>
        {!completion.allowSkipAhead && <p class="hint">{t.film.noSkipAhead}</p>}
      </div>

      {chapters.kind === 'ready' && chapters.cues.length > 0 && (
        <nav class="chapters" aria-labelledby="chapters-heading">
          <h2 id="chapters-heading">{t.film.chapters}</h2>
          <ol class="chapters__list">
            {chapters.cues.map((chapter, i) => (
              <li key={i}>
                <button type="button" class="link-button" onClick={() => seekTo(chapter.start)} disabled={load !== 'ready'}>
                  {chapter.text}
                </button>{' '}
                <span class="secondary-text">({t.film.chapterAt(formatClock(chapter.start))})</span>
              </li>
            ))}
          </ol>
        </nav>
      )}

      <TranscriptPanel path={film.transcript} chapterTitles={chapters.kind === 'ready' ? chapters.cues.map((c) => c.text) : []} />
    </>
  );
}

function CueQuestion({ question }: { question: Question }) {
  const t = useStrings();
  const state = useLazy('film:question', loadQuestionBlock);
  if (state.kind === 'failed') return <LoadProblem retry={state.retry} />;
  if (state.kind === 'loading') return <p class="secondary-text">{t.app.screenLoading}</p>;
  const QuestionBlock = state.component;
  return <QuestionBlock question={question} headingLevel={3} />;
}
