// The scenario screen's words in British English, with the names of a response's quality. They travel in the
// screens' catalogue part (player/strings/en-GB.screens.ts).
// A translation is one more such file beside it, typed by ScenarioWords (course/player/README.md, "Words and languages").
import { number } from '../../player/strings/en-GB.format.ts';

export const scenarioEnGB = {
  scenario: {
    setting: (setting: string): string => `Setting: ${setting}`,
    choose: 'Choose this response',
    youChose: 'You chose:',
    whatHappened: 'What happened:',
    feedback: 'Feedback:',
    stepHeading: (n: number): string => `Step ${number(n)}`,
    ended: 'You have reached the end of this scenario.',
    restart: 'Try a different path',
  },

  quality: {
    helpful: 'Helpful response',
    'partly-helpful': 'Partly helpful response',
    unhelpful: 'Unhelpful response',
  },
};

export type ScenarioWords = typeof scenarioEnGB;
