// A small but complete course for the player's unit tests: one screen of every type, a branching scenario with a
// loop-free path of two steps, a knowledge check of two scored questions (single and multiple; both drawn in each of
// its two attempts) and two film questions.
import type { Course, RuntimeConfig } from '../../../course/model/types.ts';

export function fixtureCourse(overrides: Partial<Course['completion']> = {}): Course {
  return {
    id: 'fixture',
    version: '1.2.0',
    iri: 'https://example.org/fixture',
    language: 'en-GB',
    title: 'Fixture course',
    description: 'A course for tests.',
    durationMinutes: 25,
    publisher: 'Test Publisher',
    completion: { passMark: 50, filmWatchedPercent: 90, allowSkipAhead: true, rule: 'all-sections', ...overrides },
    limits: { reflectionMaxLength: 200, maxAttemptsPerQuestion: 2 },
    film: {
      id: 'film',
      title: 'The film',
      src: 'media/film.mp4',
      type: 'video/mp4',
      durationSeconds: 100,
      captions: [{ src: 'media/film.en.vtt', srclang: 'en', label: 'English' }],
      chapters: 'media/chapters.vtt',
      transcript: 'media/transcript.md',
      cuePoints: [
        {
          id: 'cue-1',
          at: 30,
          question: {
            id: 'film-q1',
            kind: 'single',
            prompt: 'What did you notice?',
            options: [
              { id: 'a', text: 'Eye contact', correct: true, feedback: 'Yes.' },
              { id: 'b', text: 'Nothing', correct: false, feedback: 'Look again.' },
            ],
          },
        },
        {
          id: 'cue-2',
          at: 60,
          question: {
            id: 'film-q2',
            kind: 'single',
            prompt: 'And then?',
            options: [
              { id: 'a', text: 'A pause', correct: true, feedback: 'Yes.' },
              { id: 'b', text: 'Nothing', correct: false, feedback: 'Look again.' },
            ],
          },
        },
      ],
    },
    confidence: {
      scaleLabels: ['Not at all', 'A little', 'Somewhat', 'Quite', 'Very'],
      items: [
        { id: 'c1', statement: 'I can name stigma when I see it.', outcome: 'o1' },
        { id: 'c2', statement: 'I can challenge a colleague kindly.', outcome: 'o1' },
      ],
    },
    outcomes: [{ id: 'o1', text: 'notice stigma and respond to it' }],
    sources: [{ id: 'src', title: 'A source', publisher: 'A publisher', year: 2016 }],
    glossary: [{ term: 'ECG', definition: 'A heart tracing.' }],
    support: [{ name: 'Samaritans', description: 'Talk to someone.', phone: '116 123' }],
    supervisionGuide: {
      title: 'Guide for supervision',
      intro: 'For facilitators.',
      groundRules: ['What is said stays here, unless someone is at risk.'],
      plans: [{ id: 'team', title: 'Team session', forWhom: 'A team.', steps: [{ minutes: 10, text: 'Discuss.' }] }],
      wellbeing: 'If someone is upset, check in.',
    },
    sections: [
      {
        id: 'intro',
        title: 'Introduction',
        screens: [
          {
            id: 'welcome',
            type: 'welcome',
            title: 'Welcome',
            activities: ['Learn'],
            privacyNote: { private: 'Private.', shared: 'Shared with {organisation}.' },
            trackingNote: 'Your answers and score are recorded.',
          },
          { id: 'confidence-before', type: 'confidence', title: 'Before', phase: 'before' },
        ],
      },
      { id: 'watch', title: 'The film', screens: [{ id: 'film-screen', type: 'film', title: 'Watch' }] },
      {
        id: 'practice',
        title: 'Practice',
        screens: [
          {
            id: 'scenario-ed',
            type: 'scenario',
            title: 'Chest pain in the ED',
            setting: 'Emergency department',
            outcomes: ['o1'],
            start: 's1',
            discussion: ['What would you say?'],
            whatGoodLooksLike: 'Checking first.',
            steps: [
              {
                id: 's1',
                situation: 'A man with a psychosis diagnosis reports chest pain.',
                question: 'What do you do first?',
                choices: [
                  { id: 'rule-out', text: 'Rule out physical causes', quality: 'helpful', consequence: 'An ECG is done.', feedback: 'Right.', next: 's2' },
                  { id: 'anxiety', text: 'Call it anxiety', quality: 'unhelpful', consequence: 'He waits.', feedback: 'Overshadowing.', next: 's2' },
                  { id: 'wait', text: 'Ask him to wait', quality: 'partly-helpful', consequence: 'He waits a bit.', feedback: 'Partly.', next: null },
                ],
              },
              {
                id: 's2',
                situation: 'A colleague says it is probably anxiety.',
                question: 'What do you say?',
                choices: [
                  { id: 'kind', text: 'Let us check first', quality: 'helpful', consequence: 'They agree.', feedback: 'Good.', next: null },
                  { id: 'silent', text: 'Say nothing', quality: 'unhelpful', consequence: 'Nothing changes.', feedback: 'Speak up.', next: null },
                ],
              },
            ],
          },
          {
            id: 'check',
            type: 'knowledge-check',
            title: 'Check',
            attempts: 2,
            questionsPerAttempt: 2,
            questions: [
              {
                id: 'q1',
                outcome: 'o1',
                explanation: 'About 1 in 3.',
                kind: 'single',
                prompt: 'How many report stigma?',
                options: [
                  { id: 'a', text: '1 in 3', correct: true, feedback: 'Yes.' },
                  { id: 'b', text: '1 in 10', correct: false, feedback: 'No.' },
                ],
              },
              {
                id: 'q2',
                outcome: 'o1',
                explanation: 'Eye contact and a few extra minutes.',
                kind: 'multiple',
                prompt: 'Which are small actions?',
                options: [
                  { id: 'a', text: 'Eye contact', correct: true, feedback: 'Yes.' },
                  { id: 'b', text: 'A few extra minutes', correct: true, feedback: 'Yes.' },
                  { id: 'c', text: 'A shorter appointment', correct: false, feedback: 'No.' },
                ],
              },
            ],
          },
        ],
      },
      {
        id: 'reflect',
        title: 'Reflect',
        screens: [
          {
            id: 'reflection',
            type: 'reflection',
            title: 'Reflections',
            privacyNote: { private: 'Only you read these.', shared: '{organisation} reads these.' },
            prompts: [
              { id: 'r1', prompt: 'What will you try?', maxLength: 100 },
              { id: 'r2', prompt: 'What would you bring to supervision?', hint: 'A sentence is enough.', maxLength: 500 },
            ],
          },
          // A page that is only read (its id dates from when it was the supervision guide, which is now a resource page).
          { id: 'guide', type: 'voices', title: 'Guide', voices: [{ id: 'v1', speaker: 'Sam', kind: 'composite', perspective: 'person', text: 'Say my name.' }] },
        ],
      },
      {
        id: 'finish',
        title: 'Finish',
        screens: [
          { id: 'confidence-after', type: 'confidence', title: 'After', phase: 'after' },
          { id: 'summary', type: 'summary', title: 'Summary' },
        ],
      },
    ],
  };
}

export function fixtureConfig(course = fixtureCourse()): RuntimeConfig {
  return {
    standard: 'scorm12',
    build: { courseVersion: course.version, variant: 'default' },
    variant: { id: 'default', displayName: 'Fixture (Default)', organisation: 'Test Trust', reflections: 'private' },
    course,
  };
}
