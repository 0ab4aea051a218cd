import { useEffect, useState } from 'preact/hooks';
import { parseVtt, type VttCue } from '../logic/webvtt.ts';
import { mediaUrl } from './media-url.ts';

export type ChaptersState = { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; cues: VttCue[] };

/** The film's chapters track, fetched from the package and parsed. */
export function useChapters(path: string): ChaptersState {
  const [state, setState] = useState<ChaptersState>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    fetch(mediaUrl(path))
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((text) => live && setState({ kind: 'ready', cues: parseVtt(text) }))
      .catch(() => live && setState({ kind: 'failed' }));
    return () => {
      live = false;
    };
  }, [path]);
  return state;
}
