// A learner with a keyboard and nothing else: keys go to whatever has focus (Tab, Shift+Tab, arrows, Space, Enter,
// typing), and the driver only reads the page to know where focus is and what the screen shows. It never clicks and
// never calls element.click() or focus() in the page.
import type { Frame, Page } from 'playwright-core';

/** What has focus inside the course frame (null when focus is outside it, e.g. on the LMS page). */
export interface Focused {
  tag: string;
  id: string;
  name: string;
  type: string;
  className: string;
  /** Trimmed text content, cut short: enough to recognise a button. */
  text: string;
  checked: boolean;
  /**
   * Whether the focus is drawn: an outline at least 2 px wide, or a box shadow (NHS.UK's focus style uses both), on the
   * element or its label's ::before.
   */
  focusShown: boolean;
}

/** Most Tab presses to reach something; a course screen has far fewer stops, so more means it is not there. */
const MAX_TABS = 120;

export class KeyboardLearner {
  /** Every key pressed, for a failure message that shows how the driver got where it is. */
  readonly keys: string[] = [];
  /** Focus stops reached by Tab whose focus was not drawn (WCAG 2.4.7 Focus Visible), each listed once. */
  readonly focusNotShown = new Set<string>();

  constructor(
    readonly page: Page,
    private readonly frame: () => Promise<Frame>,
  ) {}

  async press(key: string): Promise<void> {
    this.keys.push(key);
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.keys.push(`type(${text.length} characters)`);
    await this.page.keyboard.type(text);
  }

  async focused(): Promise<Focused | null> {
    const frame = await this.frame();
    return frame.evaluate(() => {
      if (!document.hasFocus()) return null;
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      return {
        tag: element.tagName.toLowerCase(),
        id: element.id,
        name: element.getAttribute('name') ?? '',
        type: element.getAttribute('type') ?? '',
        className: typeof element.className === 'string' ? element.className : '',
        text: (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120),
        checked: element instanceof HTMLInputElement ? element.checked : false,
        // A styled radio or checkbox hides the native input and draws the focus on its label's ::before.
        focusShown: [getComputedStyle(element), ...[...((element as HTMLInputElement).labels ?? [])].map((label) => getComputedStyle(label, '::before'))].some(
          (style) => (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
        ),
      };
    });
  }

  /**
   * Press Tab (or Shift+Tab) until the focused element matches; throws with the stops visited when it is not reached.
   * A match on the element focused now counts without a key press.
   */
  async tabTo(what: string, matches: (focused: Focused) => boolean, options: { backwards?: boolean; fromHere?: boolean } = {}): Promise<Focused> {
    const visited: string[] = [];
    if (options.fromHere !== false) {
      const now = await this.focused();
      if (now && matches(now)) return now;
    }
    for (let presses = 0; presses < MAX_TABS; presses++) {
      await this.press(options.backwards ? 'Shift+Tab' : 'Tab');
      const now = await this.focused();
      if (now && !now.focusShown) this.focusNotShown.add(describe(now));
      if (now && matches(now)) return now;
      visited.push(now ? describe(now) : '(outside the course)');
    }
    throw new Error(`could not reach ${what} with ${options.backwards ? 'Shift+Tab' : 'Tab'}; visited: ${visited.slice(-40).join(' → ')}`);
  }

  /** Tab to a button by its visible text, then press Enter. */
  async activateButton(text: string | RegExp, options: { backwards?: boolean } = {}): Promise<void> {
    const wanted = (focused: Focused) => focused.tag === 'button' && (typeof text === 'string' ? focused.text.startsWith(text) : text.test(focused.text));
    await this.tabTo(`the "${String(text)}" button`, wanted, options);
    await this.press('Enter');
  }

  /** Wait for a condition on the course frame's document (a function evaluated in the frame). */
  async waitInFrame<T>(condition: (arg: T) => unknown, arg: T, timeout = 30_000): Promise<void> {
    const frame = await this.frame();
    // Arguments here are plain JSON, which Playwright passes through unchanged (its Unboxed<T> is T for them).
    await frame.waitForFunction(condition as (arg: unknown) => unknown, arg as unknown, { timeout, polling: 50 });
  }
}

export function describe(focused: Focused): string {
  const label = focused.id ? `#${focused.id}` : focused.className ? `.${focused.className.split(' ')[0]}` : '';
  return `${focused.tag}${label}${focused.text ? ` "${focused.text.slice(0, 30)}"` : ''}`;
}
