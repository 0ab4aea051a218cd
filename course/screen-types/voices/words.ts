// The voices screen's words in British English. They travel in the pages' catalogue part
// (player/strings/en-GB.pages.ts).
// A translation is one more such file beside it, typed by VoicesWords (course/player/README.md, "Words and languages").

export const voicesEnGB = {
  voices: {
    quoted: 'In their own words, from the Time to Change campaign',
    composite: 'Written for this course: a composite of common experiences, not a real person',
    person: 'Someone who uses services',
    staff: 'A member of staff',
  },
};

export type VoicesWords = typeof voicesEnGB;
