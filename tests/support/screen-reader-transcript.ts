// A walk's screen records (screen-reader-rules.ts) as a markdown file a reviewer can read: per step, what the learner
// pressed and heard, the heading outline and every control with its role, name and state. Runs of Tab presses are
// shown as one line with the stop they reached, typing as a count of characters, and anything that changes from one
// run to the next by itself (a clock time, the film's position) as a placeholder, so the file only changes when what
// a listener meets changes.
import { headingOutline, namedControls, type AxNode, type Heard } from './accessibility-recorder.ts';
import { groupAround, type ScreenRecord } from './screen-reader-rules.ts';

/** Times ("0:35", "14:05") and the film's played share move with the clock and the machine's speed. */
export const steady = (text: string): string => text.replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, 'm:ss');

const TAB_KEYS = new Set(['Tab', 'Shift+Tab']);
const keyName = (key: string): string => (key === ' ' ? 'Space' : key);

/** What was pressed and heard, one line each, Tab runs and typing folded. */
export function heardLines(heard: readonly Heard[]): string[] {
  const lines: string[] = [];
  let tabs: { key: string; count: number; landed: Heard | null } | null = null;
  let typed = 0;
  const flush = (): void => {
    if (tabs) lines.push(`${tabs.key}${tabs.count > 1 ? ` ×${tabs.count}` : ''} → ${tabs.landed ? `${tabs.landed.what} "${steady(tabs.landed.text)}"` : '(focus left the course)'}`);
    if (typed > 0) lines.push(`types ${typed} ${typed === 1 ? 'character' : 'characters'}`);
    tabs = null;
    typed = 0;
  };
  for (const event of heard) {
    if (event.kind === 'key' && TAB_KEYS.has(event.text)) {
      if (typed > 0 || (tabs && tabs.key !== event.text)) flush();
      tabs ??= { key: event.text, count: 0, landed: null };
      tabs.count++;
      tabs.landed = null;
      continue;
    }
    if (event.kind === 'focus' && tabs && tabs.landed === null) {
      tabs.landed = event;
      continue;
    }
    if (event.kind === 'key' && [...event.text].length === 1 && event.text !== ' ') {
      if (tabs) flush();
      typed++;
      continue;
    }
    flush();
    if (event.kind === 'key') lines.push(`presses ${keyName(event.text)}`);
    else if (event.kind === 'focus') lines.push(`focus → ${event.what} "${steady(event.text)}"`);
    else if (event.text === '') lines.push(`(${event.what} live region emptied)`);
    else lines.push(`says (${event.what}): "${steady(event.text)}"`);
  }
  flush();
  return lines;
}

const stateText = (states: AxNode['states']): string =>
  Object.entries(states)
    .filter(([key, value]) => key !== 'focused' && value !== false && value !== '')
    .map(([key, value]) => (value === true ? key : `${key}=${steady(String(value))}`))
    .join(', ');

/** Every control: role, name, states; a radio or checkbox with the group that names it. */
export function controlLines(tree: readonly AxNode[]): string[] {
  const controls = new Set(namedControls(tree));
  return tree.flatMap((control, at) => {
    if (!controls.has(control)) return [];
    const states = stateText(control.states);
    const group = control.role === 'radio' || control.role === 'checkbox' ? groupAround(tree, at) : '';
    return [`${control.role} "${steady(control.name)}"${group ? ` in "${steady(group)}"` : ''}${states ? ` [${states}]` : ''}`];
  });
}

/** The whole file: a title, an introduction, then one section per step of each walk. */
export function transcriptMarkdown(title: string, intro: readonly string[], walks: readonly { heading: string; records: readonly ScreenRecord[] }[]): string {
  const out = [`# ${title}`, '', ...intro, ''];
  let n = 0;
  for (const walk of walks) {
    out.push(`## ${walk.heading}`, '');
    let headings: string[] = [];
    let controls: string[] = [];
    for (const record of walk.records) {
      out.push(`### ${++n}. ${record.label}`, '');
      const heard = heardLines(record.heard);
      out.push('Pressed and heard:', '', ...(heard.length ? heard.map((line) => `- ${line}`) : ['- (nothing)']), '');
      const nowHeadings = headingOutline(record.tree).map(steady);
      out.push('Headings:', '');
      if (nowHeadings.join('\n') === headings.join('\n')) out.push('- (as in the step before)');
      else out.push(...nowHeadings.map((heading) => `- ${heading}`));
      headings = nowHeadings;
      const nowControls = controlLines(record.tree);
      out.push('', 'Controls:', '');
      if (nowControls.join('\n') === controls.join('\n')) out.push('- (as in the step before)');
      else out.push(...nowControls.map((control) => `- ${control}`));
      controls = nowControls;
      if (record.live.length) out.push('', 'Held in a live region:', '', ...record.live.map((text) => `- "${steady(text)}"`));
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
