// What a screen-reader user meets, read from Chromium (the proxy for NVDA, JAWS and VoiceOver that runs here), for
// browser tests of a page or of the course inside an LMS frame:
//
// - startHearing(target) logs, in the page itself, every focus move and every change of a live region's text (aria-live
//   polite or assertive, role status, alert or log), in order; take() hands over what was logged since the last take.
// - accessibilityTree(target) is Chromium's own accessibility tree (CDP Accessibility.getFullAXTree, for the frame
//   the target is), reduced to role, name, level and states; headingOutline() and namedControls() pick from it.
// - transcript() writes a readable account of a screen (focus, what was said, headings, controls) for a reviewer.
//
// The in-page log computes a simple name (aria-labelledby, aria-label, text) for focus events only, to keep the log
// readable; tests that assert names use the accessibility tree, which is the browser's own computation.
import type { Frame, Page } from 'playwright-core';

export interface Heard {
  kind: 'focus' | 'live' | 'key';
  /** For focus: the element's tag and role; for live: the region's politeness ("polite", "assertive"); for key: ''. */
  what: string;
  /** For focus: the element's simple name; for live: the region's whole text after the change ('' when emptied); for
   * key: the key pressed ("Tab", "Enter", "a"), logged only when asked for, so each response can be told apart. */
  text: string;
}

export interface Hearing {
  /** Everything logged since the recording started or since the last take(), oldest first; clears the log. */
  take(): Promise<Heard[]>;
}

type Target = Page | Frame;

const frameOf = (target: Target): Frame => ('mainFrame' in target ? target.mainFrame() : target);
const pageOf = (target: Target): Page => ('mainFrame' in target ? target : target.page());

/**
 * Starts logging focus moves and live-region changes in the target's document (call again after a navigation); with
 * `keys`, every key pressed in it as well (Shift+Tab is logged as "Shift+Tab").
 */
export async function startHearing(target: Target, options: { keys?: boolean } = {}): Promise<Hearing> {
  const frame = frameOf(target);
  await frame.evaluate((keys) => {
    type Log = { kind: 'focus' | 'live' | 'key'; what: string; text: string }[];
    const w = window as unknown as { __heard?: Log; __hearingStarted?: boolean };
    w.__heard = [];
    if (w.__hearingStarted) return;
    w.__hearingStarted = true;
    if (keys) {
      document.addEventListener(
        'keydown',
        (event) => {
          if (['Shift', 'Control', 'Alt', 'Meta'].includes(event.key)) return;
          w.__heard!.push({ kind: 'key', what: '', text: event.shiftKey && event.key === 'Tab' ? 'Shift+Tab' : event.key });
        },
        true,
      );
    }
    const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
    const nameOf = (el: Element): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      if (labelledBy) return squash(labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      const labels = (el as HTMLInputElement).labels;
      if (!el.hasAttribute('aria-label') && labels && labels.length > 0) return squash(Array.from(labels, (label) => label.textContent).join(' '));
      return squash(el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent);
    };
    document.addEventListener(
      'focusin',
      (event) => {
        const el = event.target as Element;
        const role = el.getAttribute('role');
        w.__heard!.push({ kind: 'focus', what: `${el.tagName.toLowerCase()}${role ? `[role=${role}]` : ''}`, text: nameOf(el) });
      },
      true,
    );
    const regionOf = (node: Node | null): Element | null => {
      for (let el = node instanceof Element ? node : node?.parentElement ?? null; el; el = el.parentElement) {
        const live = el.getAttribute('aria-live');
        if (live === 'off') return null;
        if (live || ['status', 'alert', 'log'].includes(el.getAttribute('role') ?? '')) return el;
      }
      return null;
    };
    const lastText = new WeakMap<Element, string>();
    new MutationObserver((mutations) => {
      const changed = new Set<Element>();
      for (const mutation of mutations) {
        const region = regionOf(mutation.target);
        if (region) changed.add(region);
        // A region added with text already in it is not a change a screen reader announces; a later change is.
        for (const added of Array.from(mutation.addedNodes)) {
          if (added instanceof Element && !regionOf(added.parentElement) && regionOf(added) === added) lastText.set(added, squash(added.textContent));
        }
      }
      for (const region of changed) {
        if (!region.isConnected) continue;
        const text = squash(region.textContent);
        if (lastText.get(region) === text) continue;
        lastText.set(region, text);
        const politeness = region.getAttribute('aria-live') ?? (region.getAttribute('role') === 'alert' ? 'assertive' : 'polite');
        w.__heard!.push({ kind: 'live', what: politeness, text });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
    // Regions already on the page start from their current text.
    for (const el of Array.from(document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]'))) lastText.set(el, squash(el.textContent));
  }, options.keys === true);
  return {
    take: () =>
      frame.evaluate(() => {
        const w = window as unknown as { __heard?: Heard[] };
        const log = w.__heard ?? [];
        w.__heard = [];
        return log;
      }),
  };
}

/** The text each rendered live region of the target's document holds now (non-empty ones), e.g. old feedback left in one. */
export function liveRegionTexts(target: Target): Promise<string[]> {
  return frameOf(target).evaluate(() =>
    Array.from(document.querySelectorAll('[aria-live]:not([aria-live=off]), [role=status], [role=alert], [role=log]'))
      // A region that is not rendered (display: none) is not read; a visually hidden one is.
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
      .filter((text) => text !== ''),
  );
}

/** Only what a screen reader would say out loud from live regions: changes to non-empty text. */
export const spoken = (heard: readonly Heard[]): string[] => heard.filter((h) => h.kind === 'live' && h.text !== '').map((h) => h.text);

export interface AxNode {
  role: string;
  name: string;
  /** Heading level, when a heading. */
  level?: number;
  /** States and properties that matter to a listener: checked, expanded, disabled, focused, selected, … */
  states: Record<string, string | number | boolean>;
  /** The DOM node behind it, for finding it again (CDP backendDOMNodeId). */
  domNode?: number;
  /** How deep in the tree (the root is 0, ignored nodes not counted), so what lies inside a group can be told. */
  depth?: number;
}

interface RawAxNode {
  nodeId: string;
  parentId?: string;
  childIds?: string[];
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  properties?: { name: string; value: { value?: unknown } }[];
  backendDOMNodeId?: number;
}

const STATE_NAMES = new Set(['checked', 'expanded', 'disabled', 'focused', 'selected', 'pressed', 'invalid', 'required', 'hidden', 'live', 'haspopup', 'level', 'valuetext']);

/** Chromium's accessibility tree for the target's document, in document order, ignored nodes left out. */
export async function accessibilityTree(target: Target): Promise<AxNode[]> {
  const page = pageOf(target);
  const frame = frameOf(target);
  const cdp = await page.context().newCDPSession(page);
  try {
    let frameId: string | undefined;
    if (frame !== page.mainFrame()) {
      type Tree = { frame: { id: string; url: string }; childFrames?: Tree[] };
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: Tree };
      const find = (tree: Tree): string | undefined => (tree.frame.url === frame.url() ? tree.frame.id : tree.childFrames?.map(find).find(Boolean));
      frameId = find(frameTree);
      if (!frameId) throw new Error(`no frame with the address ${frame.url()}`);
    }
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree', frameId ? { frameId } : {})) as { nodes: RawAxNode[] };
    const depths = unignoredDepths(nodes);
    return inTreeOrder(nodes)
      .filter((node) => !node.ignored)
      .map((node) => {
        const states: AxNode['states'] = {};
        let level: number | undefined;
        for (const property of node.properties ?? []) {
          if (!STATE_NAMES.has(property.name)) continue;
          const raw = property.value.value as string | number | boolean;
          const value = raw === 'true' ? true : raw === 'false' ? false : raw;
          if (property.name === 'level') level = Number(value);
          else states[property.name] = value;
        }
        const name = (node.name?.value ?? '').replace(/\s+/g, ' ').trim();
        return { role: node.role?.value ?? '', name, ...(level === undefined ? {} : { level }), states, domNode: node.backendDOMNodeId, depth: depths.get(node.nodeId) ?? 0 };
      });
  } finally {
    await cdp.detach();
  }
}

/** Each node's depth counting only the nodes a listener meets (ignored ones are skipped). */
function unignoredDepths(nodes: readonly RawAxNode[]): Map<string, number> {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const depths = new Map<string, number>();
  const visit = (node: RawAxNode, depth: number): void => {
    depths.set(node.nodeId, depth);
    const below = node.ignored ? depth : depth + 1;
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child, below);
    }
  };
  for (const root of nodes.filter((node) => !node.parentId || !byId.has(node.parentId))) visit(root, 0);
  return depths;
}

/** The nodes as a listener meets them: depth first from the root (CDP does not promise that order). */
function inTreeOrder(nodes: readonly RawAxNode[]): RawAxNode[] {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const ordered: RawAxNode[] = [];
  const visit = (node: RawAxNode): void => {
    ordered.push(node);
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) visit(child);
    }
  };
  for (const root of nodes.filter((node) => !node.parentId || !byId.has(node.parentId))) visit(root);
  return ordered;
}

/** The headings, in order, as "h<level> <name>". */
export function headingOutline(tree: readonly AxNode[]): string[] {
  return tree.filter((node) => node.role === 'heading').map((node) => `h${node.level ?? '?'} ${node.name}`);
}

const CONTROL_ROLES = new Set(['button', 'link', 'checkbox', 'radio', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'slider', 'textbox', 'combobox', 'tab', 'switch', 'DisclosureTriangle']);

/** Every operable control: role, name and the states a listener hears. */
export function namedControls(tree: readonly AxNode[]): AxNode[] {
  return tree.filter((node) => CONTROL_ROLES.has(node.role));
}

/** Controls that share a role and a name (a listener cannot tell them apart in a list of controls). */
export function indistinguishableControls(tree: readonly AxNode[]): string[] {
  const counts = new Map<string, number>();
  for (const control of namedControls(tree)) {
    const key = `${control.role} "${control.name}"`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > 1).map(([key, count]) => `${key} ×${count}`);
}

const describeStates = (states: AxNode['states']): string =>
  Object.entries(states)
    .filter(([key, value]) => key !== 'focused' && value !== false && value !== '')
    .map(([key, value]) => (value === true ? key : `${key}=${String(value)}`))
    .join(', ');

/** A readable account of one screen for a reviewer: what was heard, the heading outline and the controls. */
export function transcript(title: string, heard: readonly Heard[], tree: readonly AxNode[]): string {
  const lines = [`## ${title}`, '', 'Heard, in order:'];
  if (heard.length === 0) lines.push('  (nothing)');
  for (const event of heard) {
    if (event.kind === 'key') lines.push(`  presses ${event.text}`);
    else lines.push(event.kind === 'focus' ? `  focus → ${event.what} "${event.text}"` : event.text === '' ? `  (${event.what} region emptied)` : `  says (${event.what}): "${event.text}"`);
  }
  lines.push('', 'Headings:', ...headingOutline(tree).map((h) => `  ${h}`), '', 'Controls:');
  for (const control of namedControls(tree)) {
    const states = describeStates(control.states);
    lines.push(`  ${control.role} "${control.name}"${states ? ` [${states}]` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
