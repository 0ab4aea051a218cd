// Just enough of a browser window for the runtime: frames (parent, opener), localStorage and sessionStorage, the
// document's visibility, page lifecycle events, location (cmi5 and TinCan launch parameters, returnURL) and fetch.

export class MemoryStorage implements Storage {
  private readonly values = new Map<string, string>();
  refuseWrites = false;

  get length(): number {
    return this.values.size;
  }
  clear(): void {
    this.values.clear();
  }
  getItem(key: string): string | null {
    return this.values.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.values.delete(key);
  }
  setItem(key: string, value: string): void {
    if (this.refuseWrites) throw new DOMException('quota exceeded', 'QuotaExceededError');
    this.values.set(key, String(value));
  }
  entries(): [string, string][] {
    return [...this.values.entries()];
  }
}

export interface FakeWindowOptions {
  parent?: object;
  opener?: object;
  /** Query string of the page, with the leading "?". */
  search?: string;
  localStorage?: MemoryStorage;
  sessionStorage?: MemoryStorage;
  fetch?: typeof fetch;
  /** Properties of the window itself (e.g. API). */
  props?: Record<string, unknown>;
}

export interface FakeWindow {
  win: Window;
  localStorage: MemoryStorage;
  sessionStorage: MemoryStorage;
  /** Where the page was sent (cmi5 returnURL), if anywhere. */
  navigatedTo: string | null;
  hide(): void;
  pageHide(persisted?: boolean): void;
}

export function fakeWindow(options: FakeWindowOptions = {}): FakeWindow {
  const localStorage = options.localStorage ?? new MemoryStorage();
  const sessionStorage = options.sessionStorage ?? new MemoryStorage();
  const events = new EventTarget();
  const documentEvents = new EventTarget();
  const document = Object.assign(documentEvents, { visibilityState: 'visible' as DocumentVisibilityState });
  const search = options.search ?? '';
  const fake: FakeWindow = {
    win: null as unknown as Window,
    localStorage,
    sessionStorage,
    navigatedTo: null,
    hide() {
      document.visibilityState = 'hidden';
      documentEvents.dispatchEvent(new Event('visibilitychange'));
    },
    pageHide(persisted = false) {
      events.dispatchEvent(Object.assign(new Event('pagehide'), { persisted }));
    },
  };
  const location = {
    search,
    href: `https://lms.example.nhs.uk/content/common-ground/index.html${search}`,
    assign(url: string) {
      fake.navigatedTo = url;
    },
  };
  const win: Record<string, unknown> = {
    ...options.props,
    localStorage,
    sessionStorage,
    document,
    location,
    opener: options.opener ?? null,
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
    fetch: options.fetch ?? (() => Promise.reject(new Error('no network in this test'))),
  };
  win.parent = options.parent ?? win;
  win.top = win.parent;
  fake.win = win as unknown as Window;
  return fake;
}
