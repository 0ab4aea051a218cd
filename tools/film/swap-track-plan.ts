// Which chapters, descriptions and transcript the swapped film gets when the trust does not pass them all.
// Tracks in the course belong to the film they were made for: they are kept only when film.json records
// that the current film was made from the very same source video (a re-run of the swap). Otherwise the old
// chapters give way to one chapter for the whole film, the old descriptions are dropped (describing another
// film is worse than none), and a missing transcript stops the swap: it is how people who cannot hear or
// see the film get its content, so it is required.

export type TrackChoice = 'given' | 'kept' | 'generated' | 'none';

export interface TrackPlanInput {
  given: { chapters?: string | undefined; descriptions?: string | undefined; transcript?: string | undefined };
  /** The course's current files, where they exist (course-relative paths, for messages). */
  current: { chapters?: string | undefined; descriptions?: string | undefined; transcript?: string | undefined };
  /** True when film.json says the current rendition was made from the same source video (same SHA-256). */
  sameSource: boolean;
}

export interface TrackPlan {
  chapters: Exclude<TrackChoice, 'none'>;
  descriptions: Exclude<TrackChoice, 'generated'>;
  transcript: Exclude<TrackChoice, 'generated' | 'none'> | undefined;
  notes: string[];
  errors: string[];
}

export function planTracks(input: TrackPlanInput): TrackPlan {
  const { given, current, sameSource } = input;
  const notes: string[] = [];
  const errors: string[] = [];
  const keep = (name: keyof TrackPlanInput['current']): boolean => sameSource && current[name] !== undefined;

  let transcript: TrackPlan['transcript'];
  if (given.transcript !== undefined) transcript = 'given';
  else if (keep('transcript')) {
    transcript = 'kept';
    notes.push(`transcript: keeping ${current.transcript}, supplied with this same video last time`);
  } else {
    errors.push(
      `no --transcript given, and the course's transcript${current.transcript ? ` (${current.transcript})` : ''} belongs to the film being replaced. ` +
        'A transcript is required (people who cannot hear or see the film read it instead): pass --transcript <file.txt>, plain UTF-8 text',
    );
  }

  let chapters: TrackPlan['chapters'];
  if (given.chapters !== undefined) chapters = 'given';
  else if (keep('chapters')) {
    chapters = 'kept';
    notes.push(`chapters: keeping ${current.chapters}, supplied with this same video last time`);
  } else {
    chapters = 'generated';
    notes.push('chapters: none given, so the film gets a single chapter named after it; pass --chapters <file.vtt> to add your own');
  }

  let descriptions: TrackPlan['descriptions'];
  if (given.descriptions !== undefined) descriptions = 'given';
  else if (keep('descriptions')) {
    descriptions = 'kept';
    notes.push(`descriptions: keeping ${current.descriptions}, supplied with this same video last time`);
  } else {
    descriptions = 'none';
    if (current.descriptions !== undefined) {
      notes.push(`descriptions: ${current.descriptions} describes the film being replaced and is removed; pass --descriptions <file.vtt> if your film has a description track`);
    }
  }
  return { chapters, descriptions, transcript, notes, errors };
}
