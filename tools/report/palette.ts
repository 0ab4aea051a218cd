// NHS identity colours (NHS.UK frontend's palette), used by the charts and the page. Text colours meet WCAG AA
// contrast on white; bars are outlined in secondary text so pale ones stand out; scenario choices are told apart by
// name in legends and tables, never by colour alone.
export const NHS_COLOURS = {
  blue: '#005eb8',
  darkBlue: '#003087',
  lightBlue: '#41b6e6',
  text: '#212b32',
  secondaryText: '#4c6272',
  green: '#007f3b',
  warmYellow: '#ffb81c',
  red: '#d5281b',
  purple: '#330072',
  paleGrey: '#f0f4f5',
  border: '#d8dde0',
} as const;

/** Scenario choices by how helpful the course says they are. */
export const QUALITY_COLOURS = {
  helpful: NHS_COLOURS.green,
  'partly-helpful': NHS_COLOURS.warmYellow,
  unhelpful: NHS_COLOURS.red,
} as const;
