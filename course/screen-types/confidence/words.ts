// The confidence screen's words in British English. They travel in the screens' catalogue part
// (player/strings/en-GB.screens.ts).
// A translation is one more such file beside it, typed by ConfidenceWords (course/player/README.md, "Words and languages").

export const confidenceEnGB = {
  confidence: {
    intro: {
      before: 'Before you start, rate how confident you feel. There are no right answers, and this is not scored.',
      after: 'Now that you have finished, rate how confident you feel. You can compare this with your answers from the start.',
    },
  },
};

export type ConfidenceWords = typeof confidenceEnGB;
