// The rules a screen-reader user's experience is held to (issue 18), as pure checks over what the accessibility
// recorder logged (tests/support/accessibility-recorder.ts): each takes a screen's log or tree and returns its
// problems in words, [] when there are none, so a failing test says what a listener would meet. Each rule has a test
// of its own with the defect it was written for (tests/support/screen-reader-rules.test.ts).
import { headingOutline, namedControls, type AxNode, type Heard } from './accessibility-recorder.ts';

/** One step of a walk through the course, as a listener meets it. */
export interface ScreenRecord {
  /** Which screen, in which state (e.g. "check-your-knowledge: attempt 1 result"). */
  label: string;
  /** Keys, focus moves and live-region changes since the step before, oldest first. */
  heard: Heard[];
  /** Chromium's accessibility tree at this step. */
  tree: AxNode[];
  /** The text each live region holds at this step (non-empty ones). */
  live: string[];
}

/** What one key press brought (key null: what happened before any key, e.g. the film pausing by itself). */
export interface KeyResponse {
  key: string | null;
  events: Heard[];
}

/** Splits a log at each key press: everything up to the next key is that key's response. */
export function byKey(heard: readonly Heard[]): KeyResponse[] {
  const responses: KeyResponse[] = [{ key: null, events: [] }];
  for (const event of heard) {
    if (event.kind === 'key') responses.push({ key: event.text, events: [] });
    else responses[responses.length - 1]!.events.push(event);
  }
  return responses.filter((response) => response.key !== null || response.events.length > 0);
}

/** Keys that move focus because the learner asked it to (Tab through controls, arrows through a radio group). */
const MOVING_KEYS = new Set(['Tab', 'Shift+Tab', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight']);

const plain = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * One announcement per event: after a key, either focus moves to the result or a live region says it, never both,
 * and never two live messages at once (one composed message). Focus the learner moved with Tab or an arrow is theirs;
 * there a live message only counts as a repeat when it says what the focused control is called.
 */
export function repeatedAnnouncements(heard: readonly Heard[]): string[] {
  const problems: string[] = [];
  for (const { key, events } of byKey(heard)) {
    const after = key === null ? 'with no key pressed' : `after ${key}`;
    const said = events.filter((event) => event.kind === 'live' && event.text !== '').map((event) => event.text);
    const focused = events.filter((event) => event.kind === 'focus').map((event) => event.text);
    if (said.length > 1) problems.push(`${after}: ${said.length} live messages at once: ${said.map((text) => `"${text}"`).join(', ')}`);
    if (said.length === 0 || focused.length === 0) continue;
    if (key === null || !MOVING_KEYS.has(key)) {
      problems.push(`${after}: focus moved to "${focused.at(-1)}" and a live region said ${said.map((text) => `"${text}"`).join(', ')}`);
      continue;
    }
    for (const name of focused) {
      const repeated = said.find((text) => plain(name) !== '' && plain(text).startsWith(plain(name)));
      if (repeated) problems.push(`${after}: focus on "${name}" while a live region said "${repeated}"`);
    }
  }
  return problems;
}

/** The name of the nearest named group or radiogroup around `tree[at]`, '' when none. */
export function groupAround(tree: readonly AxNode[], at: number): string {
  let depth = tree[at]!.depth ?? 0;
  for (let i = at - 1; i >= 0; i--) {
    const node = tree[i]!;
    if ((node.depth ?? 0) >= depth) continue;
    depth = node.depth ?? 0;
    if ((node.role === 'group' || node.role === 'radiogroup') && node.name !== '') return node.name;
  }
  return '';
}

/**
 * Controls a listener cannot tell apart in a list of controls: the same role and the same name (six "Check your
 * answer" buttons). A radio or checkbox is told apart by its named group too ("Not at all confident" on each scale).
 */
export function sameNamedControls(tree: readonly AxNode[]): string[] {
  const counts = new Map<string, number>();
  tree.forEach((node, at) => {
    if (!namedControls([node]).length) return;
    const group = node.role === 'radio' || node.role === 'checkbox' ? groupAround(tree, at) : '';
    const key = `${node.role} "${node.name}"${group ? ` in "${group}"` : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return [...counts].filter(([, count]) => count > 1).map(([key, count]) => `controls with one name: ${key} ×${count}`);
}

/** Landmarks (regions, navigation, forms…) a listener cannot tell apart in the landmarks list: one role, one name. */
export function sameNamedLandmarks(tree: readonly AxNode[]): string[] {
  const roles = new Set(['region', 'navigation', 'complementary', 'form', 'search', 'main', 'banner', 'contentinfo']);
  const counts = new Map<string, number>();
  for (const node of tree) if (roles.has(node.role)) counts.set(`${node.role} "${node.name}"`, (counts.get(`${node.role} "${node.name}"`) ?? 0) + 1);
  return [...counts].filter(([, count]) => count > 1).map(([key, count]) => `landmarks with one name: ${key} ×${count}`);
}

/** The nodes inside `tree[at]` (deeper than it, up to the next node at its depth or above). */
function inside(tree: readonly AxNode[], at: number): AxNode[] {
  const depth = tree[at]!.depth ?? 0;
  const end = tree.findIndex((node, i) => i > at && (node.depth ?? 0) <= depth);
  return tree.slice(at + 1, end === -1 ? undefined : end);
}

/**
 * Every question (a group of choices whose name includes one of `prompts`) has a heading of its own below the page's
 * h1, inside its group or the last one before it, so a listener can jump from question to question with H. Six
 * legends under one "Check your knowledge" heading fail; so does a question with only the page's h1 above it.
 */
export function questionsWithoutHeading(tree: readonly AxNode[], prompts: readonly string[]): string[] {
  const problems: string[] = [];
  const claimed = new Map<number, string>();
  tree.forEach((node, at) => {
    if (node.role !== 'group' && node.role !== 'radiogroup') return;
    const prompt = prompts.find((p) => node.name.includes(p));
    if (!prompt) return;
    const within = inside(tree, at);
    if (!within.some((child) => child.role === 'radio' || child.role === 'checkbox')) return;
    const own = within.findIndex((child) => child.role === 'heading');
    const before = tree.slice(0, at).findLastIndex((n) => n.role === 'heading');
    const heading = own >= 0 ? at + 1 + own : before;
    if (heading < 0 || (tree[heading]!.level ?? 0) < 2) return void problems.push(`the question "${prompt}" has no heading of its own`);
    const other = claimed.get(heading);
    if (other !== undefined) problems.push(`the questions "${other}" and "${prompt}" share the heading "${tree[heading]!.name}"`);
    else claimed.set(heading, prompt);
  });
  return problems;
}

/** A text left in a live region from an earlier page: on arriving at a page, live regions hold only what it said. */
export function staleLiveText(records: readonly ScreenRecord[]): string[] {
  const problems: string[] = [];
  const h1 = (record: ScreenRecord) => headingOutline(record.tree).find((heading) => heading.startsWith('h1 ')) ?? '';
  records.forEach((record, i) => {
    if (i === 0 || h1(record) === h1(records[i - 1]!)) return;
    // What was said since the page's heading took focus (the log may begin on the page before).
    const title = h1(record).slice(3);
    const arrived = record.heard.findLastIndex((event) => event.kind === 'focus' && event.text === title);
    const saidHere = new Set(record.heard.slice(arrived + 1).filter((event) => event.kind === 'live').map((event) => event.text));
    for (const text of record.live) if (!saidHere.has(text)) problems.push(`${record.label}: a live region still holds "${text}" from before`);
  });
  return problems;
}

/** Symbols a screen reader reads out by their Unicode name ("check mark") or not at all: meaning belongs in words. */
const GLYPH = /[\p{So}×]/u;
/** Two sentences with no space between, read as one word ("passed.Your"). */
const RUN_TOGETHER = /\p{Ll}[.!?]\p{Lu}/u;
/** A space before punctuation: two pieces of text joined with a space between ("Next : Watch the film"). */
const SPACED = /\s[,:;.!?](\s|$)/u;
/** video.js's own state words glued onto a name (its hidden "selected" labels). */
const CHATTER = /,\s*selected\b/i;

/** Names of headings and controls with a stray symbol, sentences run together, a space before a punctuation mark, or
 * video.js's own words in them. */
export function strayTextInNames(tree: readonly AxNode[]): string[] {
  const problems: string[] = [];
  for (const node of [...tree.filter((n) => n.role === 'heading'), ...namedControls(tree)]) {
    const what = `${node.role} "${node.name}"`;
    if (GLYPH.test(node.name)) problems.push(`${what} has a symbol in its name`);
    if (RUN_TOGETHER.test(node.name)) problems.push(`${what} runs two sentences together`);
    if (SPACED.test(node.name)) problems.push(`${what} has a space before a punctuation mark`);
    if (CHATTER.test(node.name)) problems.push(`${what} carries video.js's "selected"`);
  }
  return problems;
}

/**
 * The heading outline reads as a table of contents: it starts with the one h1, never skips a level on the way down,
 * and never repeats one heading side by side (seven "Questions for discussion" a listener cannot tell apart).
 */
export function outlineProblems(tree: readonly AxNode[]): string[] {
  const headings = tree.filter((node) => node.role === 'heading');
  const problems: string[] = [];
  const h1s = headings.filter((h) => h.level === 1);
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 headings`);
  if (headings[0] && headings[0].level !== 1) problems.push(`the first heading is h${headings[0].level} "${headings[0].name}", before the h1`);
  headings.forEach((heading, i) => {
    const before = headings[i - 1];
    if (before && (heading.level ?? 0) > (before.level ?? 0) + 1) problems.push(`h${heading.level} "${heading.name}" comes straight after h${before.level} "${before.name}"`);
  });
  // Side by side: under the same headings above. "Partly helpful response" under "Step 1" and under "Step 2" is fine.
  const counts = new Map<string, number>();
  const above: AxNode[] = [];
  for (const heading of headings) {
    while (above.length && (above.at(-1)!.level ?? 0) >= (heading.level ?? 0)) above.pop();
    const key = `${above.map((h) => h.name).join(' > ')}|h${heading.level} "${heading.name}"`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    above.push(heading);
  }
  for (const [key, count] of counts) if (count > 1) problems.push(`${key.slice(key.indexOf('|') + 1)} ×${count}`);
  return problems;
}

/** Words of praise or of completion that only a learner who has finished may be told. */
const FINISHED_WORDS = /\b(well done|congratulations|you have completed|you('ve| have) finished)\b/i;

/** Headings that praise or say "completed" while the learner has not completed the course. */
export function praiseBeforeFinishing(tree: readonly AxNode[], completed: boolean): string[] {
  if (completed) return [];
  return headingOutline(tree)
    .filter((heading) => FINISHED_WORDS.test(heading))
    .map((heading) => `"${heading}" told to a learner who has not finished`);
}

/**
 * Audio description can be switched on while captions are on: the descriptions button is there and not disabled
 * (video.js disables it while a captions track shows, which takes it out of the Tab order with nothing said).
 */
export function descriptionsBlocked(tree: readonly AxNode[], buttonName: string): string[] {
  const buttons = tree.filter((node) => node.role === 'button' && node.name === buttonName);
  if (buttons.length === 0) return [`no "${buttonName}" button`];
  return buttons.filter((button) => button.states['disabled'] === true).map(() => `the "${buttonName}" button is disabled`);
}
