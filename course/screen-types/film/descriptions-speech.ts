// Audio description for screen-reader users: while the film's descriptions track is switched on, each description
// is put, as it comes, into an assertive live region beside the player, so the screen reader reads it out at that
// moment in the film (as video.js does for a descriptions track shown alone; here captions may be on too, and the
// caption area itself is never read out: the learner hears the dialogue). Switching descriptions off empties it.

/** The parts of video.js's text track list used here (its tracks are also at its numeric indexes). */
export interface TrackList extends ArrayLike<DescribedTrack> {
  addEventListener(type: 'change' | 'addtrack', listener: () => void): void;
  removeEventListener(type: 'change' | 'addtrack', listener: () => void): void;
}

export interface DescribedTrack {
  kind: string;
  mode: string;
  activeCues: ArrayLike<{ text: string }> | null;
  addEventListener(type: 'cuechange', listener: () => void): void;
  removeEventListener(type: 'cuechange', listener: () => void): void;
}

/** The text of the cues active now, one description after another. */
export function activeDescription(track: Pick<DescribedTrack, 'mode' | 'activeCues'>): string {
  if (track.mode !== 'showing' || !track.activeCues) return '';
  return Array.from(track.activeCues, (cue) => cue.text.replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .join(' ');
}

/** Starts reading out descriptions into a region appended to `container`; returns the function that stops it. */
export function describeAloud(tracks: TrackList, container: HTMLElement): () => void {
  const region = document.createElement('div');
  region.className = 'visually-hidden film__descriptions';
  region.setAttribute('aria-live', 'assertive');
  region.setAttribute('aria-atomic', 'true');
  container.append(region);
  // Tracks may still be arriving (video.js adds the <track> elements as it sets up): follow every one added.
  const followed = new Set<DescribedTrack>();
  let said = '';
  const update = (): void => {
    const text = [...followed].map(activeDescription).filter(Boolean).join(' ');
    // The same description is not said twice (video.js also signals a change when a track is switched on or off).
    if (text === said) return;
    said = text;
    region.textContent = text;
  };
  const follow = (): void => {
    for (const track of Array.from(tracks)) {
      if (track.kind !== 'descriptions' || followed.has(track)) continue;
      followed.add(track);
      track.addEventListener('cuechange', update);
    }
    update();
  };
  follow();
  tracks.addEventListener('addtrack', follow);
  tracks.addEventListener('change', update);
  return () => {
    for (const track of followed) track.removeEventListener('cuechange', update);
    tracks.removeEventListener('addtrack', follow);
    tracks.removeEventListener('change', update);
    region.remove();
  };
}
