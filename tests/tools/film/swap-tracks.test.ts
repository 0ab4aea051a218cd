import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkCaptionCoverage, checkCuesWithinFilm, checkTrack, chaptersFromCues, decodeText, plainCueText, readVttCues, transcriptCoverage,
  wholeFilmChaptersVtt, withoutNonCueBlocks,
} from '../../../tools/film/swap-tracks.ts';
import { checkVtt, formatVttTimestamp, type VttCue } from '../../../tools/film/vtt.ts';

const filmDir = new URL('../../../course/content/media/film/', import.meta.url);
const committed = (name: string): string => readFileSync(new URL(name, filmDir), 'utf8');

/** A WebVTT file from [startSeconds, endSeconds, text] triples. */
function vtt(cues: readonly [number, number, string][], header = 'WEBVTT'): string {
  return [header, ...cues.map(([start, end, text]) => `${formatVttTimestamp(start * 1000)} --> ${formatVttTimestamp(end * 1000)}\n${text}`)].join('\n\n') + '\n';
}

const cue = (startSeconds: number, endSeconds: number): VttCue => ({ startMs: startSeconds * 1000, endMs: endSeconds * 1000, text: 'x' });
const MINUTES_10 = 600_000;

describe('decodeText', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(decodeText(Buffer.from('\uFEFFWEBVTT\n\nCafé', 'utf8'))).toEqual({ text: 'WEBVTT\n\nCafé' });
  });

  it('says what to do with Windows-1252 text, word-processor files and empty files', () => {
    expect(decodeText(Buffer.from([0x57, 0x45, 0x42, 0x56, 0x54, 0x54, 0x0a, 0x43, 0x61, 0x66, 0xe9]))).toEqual({ problem: expect.stringContaining('save it as UTF-8') });
    expect(decodeText(Buffer.from('PK\u0003\u0004\u0000\u0000word/document.xml', 'latin1'))).toEqual({ problem: expect.stringContaining('not a plain text file') });
    expect(decodeText(Buffer.from(' \n\t'))).toEqual({ problem: 'is empty' });
  });
});

describe('withoutNonCueBlocks and readVttCues', () => {
  const withExtras = [
    '\uFEFFWEBVTT - trust captions',
    'Kind: captions',
    '',
    'STYLE',
    '::cue { color: yellow }',
    '',
    'NOTE checked by the comms team',
    '',
    'intro',
    '00:01.000 --> 00:04.000 align:start line:80%',
    '<v Narrator>Welcome &amp; thanks</v>',
    '',
    'NOTE',
    'a second note',
    '',
    '00:00:04.500 --> 00:00:06.000',
    'Line one',
    'line two',
    '',
  ].join('\r\n');

  it('leaves out NOTE, STYLE and REGION blocks, so checkVtt accepts a file that uses them', () => {
    expect(checkVtt(withExtras.replace(/^\uFEFF/, ''))).not.toEqual([]);
    expect(checkVtt(withoutNonCueBlocks(withExtras))).toEqual([]);
  });

  it('reads cue ids, times (long and short forms) and text as written', () => {
    expect(readVttCues(withExtras)).toEqual([
      { id: 'intro', startMs: 1000, endMs: 4000, text: '<v Narrator>Welcome &amp; thanks</v>' },
      { startMs: 4500, endMs: 6000, text: 'Line one\nline two' },
    ]);
  });
});

describe('checkTrack', () => {
  const spanning = vtt([[0.5, 20, 'Hello.'], [25, 50, 'More.'], [70, 99.5, 'Bye.']]);

  it('passes captions that span the film', () => {
    expect(checkTrack('captions', spanning, 100_000)).toMatchObject({ errors: [], warnings: [] });
    expect(checkTrack('captions', spanning, 100_000).cues).toHaveLength(3);
  });

  it('recognises a SubRip file and says how to convert it', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello\n';
    expect(checkTrack('captions', srt, 100_000).errors).toEqual([expect.stringMatching(/SubRip.*ffmpeg -i captions\.srt captions\.vtt/)]);
  });

  it('reports what checkVtt finds, by cue', () => {
    const broken = 'WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nBackwards\n\n00:00:02,000 --> 00:00:03.000\nComma\n';
    expect(checkTrack('captions', broken, 100_000).errors).toEqual([
      expect.stringContaining('cue 1: ends (00:00:00.500) before or when it starts'),
      expect.stringContaining('cue 2: malformed timing line'),
    ]);
    expect(checkTrack('captions', 'Hello\n', 100_000).errors).toEqual([expect.stringContaining('"WEBVTT" header')]);
  });

  it('lets two voices overlap in captions and descriptions (a warning), but not chapters', () => {
    const overlapping = vtt([[0, 20, 'A'], [10, 30, 'B'], [30, 100, 'C']]);
    const captions = checkTrack('captions', overlapping, 100_000);
    expect(captions.errors).toEqual([]);
    expect(captions.warnings).toEqual([expect.stringContaining('cue 2: overlaps the cue before it (players show both at once')]);
    expect(checkTrack('descriptions', overlapping, 100_000).errors).toEqual([]);
    expect(checkTrack('chapters', overlapping, 100_000).errors).toEqual(['cue 2: overlaps the cue before it']);
  });

  it('applies the coverage rules to captions only', () => {
    const chapters = vtt([[0, 40, 'One chapter']]);
    expect(checkTrack('chapters', chapters, 100_000).errors).toEqual([]);
    expect(checkTrack('captions', chapters, 100_000).errors).toEqual([expect.stringContaining('the last caption ends at 0:40')]);
  });

  it('refuses tracks that run past the end of the film', () => {
    expect(checkTrack('descriptions', vtt([[0, 50, 'A'], [95, 101, 'B']]), 100_000).errors).toEqual([expect.stringContaining('1 cue runs past the end of the film (1:40)')]);
  });

  it('checks only validity when the film length is unknown (the video could not be read)', () => {
    expect(checkTrack('captions', vtt([[500, 501, 'Late']]), undefined)).toMatchObject({ errors: [], warnings: [] });
  });
});

describe('checkCuesWithinFilm', () => {
  it('allows half a second of overrun for rounding, not more, and no cue starting at the end', () => {
    expect(checkCuesWithinFilm([cue(90, 100.5)], 100_000).errors).toEqual([]);
    expect(checkCuesWithinFilm([cue(90, 100.501)], 100_000).errors).toEqual([expect.stringContaining('from 1:30 to 1:40.5')]);
    expect(checkCuesWithinFilm([cue(100, 100.2)], 100_000).errors).toHaveLength(1);
    expect(checkCuesWithinFilm([cue(100, 101), cue(102, 103)], 100_000).errors).toEqual([expect.stringMatching(/^2 cues run past the end of the film \(1:40\), the first from 1:40 to 1:41;/)]);
  });
});

describe('checkCaptionCoverage', () => {
  it('needs captions within the first 30 s and to within 30 s of the end', () => {
    expect(checkCaptionCoverage([cue(30, 60), cue(60, 570)], MINUTES_10)).toEqual({ errors: [], warnings: [] });
    expect(checkCaptionCoverage([cue(30.1, 60), cue(60, 580)], MINUTES_10).errors).toEqual([expect.stringMatching(/^the first caption starts at 0:30\.1: the first 30 s of the film must have captions; .*\[Music\]/)]);
    expect(checkCaptionCoverage([cue(0, 60), cue(60, 569.9)], MINUTES_10).errors).toEqual([expect.stringMatching(/^the last caption ends at 9:29\.9 but the film runs to 10:00: .*this cut of the film/)]);
  });

  it('judges the end by the cue that ends last, not the one that starts last', () => {
    expect(checkCaptionCoverage([cue(0, 590), cue(100, 110)], MINUTES_10).errors).toEqual([]);
  });

  it('warns about uncaptioned stretches longer than 30 s inside the film, however the cues overlap', () => {
    const findings = checkCaptionCoverage([cue(0, 100), cue(50, 200), cue(230, 300), cue(330.5, 590)], MINUTES_10);
    expect(findings.errors).toEqual([]);
    expect(findings.warnings).toEqual(['no captions from 5:00 to 5:30.5 (30.5 s): caption any speech or meaningful sound there']);
  });

  it('fits a film shorter than the two edges together', () => {
    expect(checkCaptionCoverage([cue(5, 7)], 12_000)).toEqual({ errors: [], warnings: [] });
  });

  it('reports a file with no cues', () => {
    expect(checkCaptionCoverage([], 12_000).errors).toEqual(['has no cues']);
  });
});

describe('chapters', () => {
  it('turns chapter cues into titles and seconds for film.json', () => {
    const cues = readVttCues(vtt([[0, 61.5, 'Welcome &amp; <i>why</i>'], [61.5, 120, 'Small\nactions']]));
    expect(chaptersFromCues(cues)).toEqual([
      { title: 'Welcome & why', start: 0, end: 61.5 },
      { title: 'Small actions', start: 61.5, end: 120 },
    ]);
  });

  it('writes one valid chapter for the whole film, escaping its title', () => {
    const track = wholeFilmChaptersVtt('Q&A <draft>', 125_800.4);
    expect(checkVtt(track, { durationMs: 125_800 })).toEqual([]);
    expect(track).toBe('WEBVTT\n\nchapter-1\n00:00:00.000 --> 00:02:05.800\nQ&amp;A &lt;draft&gt;\n');
  });

  it('reads cue text as a viewer does', () => {
    expect(plainCueText('<v.loud Sam>It&apos;s</v>\n&lt;3&nbsp;&amp;&lrm; more')).toBe('It&apos;s <3 & more');
  });
});

describe('transcriptCoverage', () => {
  const standInCaptions = readVttCues(committed('captions.en-GB.vtt')).map((c) => c.text);
  const standInTranscript = committed('transcript.txt');

  it('finds almost all of the stand-in captions in the stand-in transcript (only runs across a card break are lost)', () => {
    expect(transcriptCoverage(standInCaptions, standInTranscript)).toBeGreaterThan(0.9);
  });

  it('finds little of another film on the same subject in it', () => {
    const otherFilm = [
      'When I came into the emergency department, nobody asked about my pain.',
      'They looked at my notes and saw a diagnosis, and that was all they saw.',
      'A nurse sat with me for five minutes, and I will never forget it.',
      'Mental health services should treat people with dignity and respect.',
    ];
    expect(transcriptCoverage(otherFilm, standInTranscript)).toBeLessThan(0.2);
  });

  it('ignores case, punctuation, apostrophes and line breaks', () => {
    expect(transcriptCoverage(["It's a <i>small</i>\naction, isn't it?"], 'Narrator: its a SMALL action - isnt it')).toBe(1);
  });

  it('cannot judge captions of fewer than three words', () => {
    expect(transcriptCoverage(['[Music]', 'Hi'], 'anything')).toBe(1);
  });
});
