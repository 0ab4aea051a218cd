// No LMS and no launch: the course still works, and the learner is told plainly that their progress is kept only in
// this browser (or only on this page, when the browser keeps nothing). Nothing is reported anywhere.
import type { AdapterModule } from '../adapter-modules.ts';
import type { AnswerRecord, ConnectionStatus, LaunchFailure, Outcome, SaveKind, SaveReceipt, StateSource, StatusProblem, Tracker, TrackerSession, VideoEvent } from '../tracker.ts';
import type { RuntimeConfig } from '../../model/types.ts';
import { memoryStore, type KeyValueStore } from '../shared/browser-storage.ts';
import { loadRuntimeDeps, type RuntimeDeps } from '../shared/runtime-deps.ts';
import { Events, Latest, sameJson } from '../shared/latest.ts';
import { watchPageLifecycle } from '../shared/page-lifecycle.ts';
import { StateHandover } from '../session/state-handover.ts';

interface SavedProgress {
  state: string;
  location: string;
}

export class StandaloneTracker implements Tracker {
  readonly standard = 'standalone';
  private readonly status = new Latest<ConnectionStatus | null>(null, sameJson);
  private readonly saved = new Events<SaveReceipt>();
  private readonly store: KeyValueStore;
  private readonly key: string;
  private readonly handover: StateHandover;
  private ending: Promise<void> | null = null;
  private going = false;
  private stopWatching: () => void = () => {};

  constructor(
    config: RuntimeConfig,
    private readonly win: Window,
    private readonly persistent: KeyValueStore | null,
    deps: Pick<RuntimeDeps, 'clock'>,
  ) {
    this.store = persistent ?? memoryStore();
    this.key = `common-ground:standalone:${config.course.id}:${config.variant.id}`;
    this.handover = new StateHandover(deps.clock, (state, location) => this.saveState(state, location));
  }

  private notice: StatusProblem | null = null;

  /** The course was launched for an LMS but could not connect: said instead of the quiet standalone status. */
  explain(reason: LaunchFailure, detail: string): void {
    this.notice = { kind: 'not-connected', reason, detail };
  }

  async start(): Promise<TrackerSession> {
    // The page's one lifecycle listener, as under an LMS: what is waiting is kept when the page is hidden or goes.
    this.stopWatching = watchPageLifecycle(this.win, {
      hidden: () => this.handover.flush(),
      leaving: () => {
        this.going = true;
        const how = this.ending ? null : this.handover.leaving();
        if (how) void this.exit(how);
      },
    });
    this.status.set(this.notice ? { state: 'failed', problem: this.notice, keptLocally: this.persistent !== null } : { state: 'standalone' });
    return {
      learner: { id: null, name: null },
      resumeState: this.read()?.state ?? null,
      mode: 'normal',
      storage: this.persistent ? 'this-browser' : 'this-page',
    };
  }

  async saveState(state: string, location: string): Promise<void> {
    const saved: SavedProgress = { state, location };
    const kept = this.store.set(this.key, JSON.stringify(saved));
    if (!kept) {
      this.status.set({ state: 'failed', problem: { kind: 'browser-refused' }, keptLocally: false });
    }
    this.saved.emit({ state, where: kept && this.persistent ? 'this-browser' : 'this-page' });
  }

  recordProgress(_sectionId: string, _progress: number): void {}
  recordAnswer(_answer: AnswerRecord): void {}
  recordReflection(_promptId: string, _prompt: string, _text: string): void {}
  recordVideo(_event: VideoEvent): void {}
  setOutcome(_outcome: Outcome): void {}
  attach(source: StateSource): void {
    this.handover.attach(source);
  }

  changed(kind: SaveKind): void {
    this.handover.changed(kind);
  }

  async flush(): Promise<void> {
    this.handover.flush();
  }

  /** Nothing to end but the handover: the last state is kept (waited for while the encoder loads). */
  exit(_how: 'suspend' | 'finish'): Promise<void> {
    if (this.ending) return this.ending;
    const last = this.handover.last(this.going);
    this.handover.close();
    this.stopWatching();
    this.ending = last.done;
    return this.ending;
  }

  onStatus(listener: (status: ConnectionStatus) => void): void {
    this.status.subscribe((status) => status && listener(status), this.status.current !== null);
  }

  onSaved(listener: (receipt: SaveReceipt) => void): void {
    this.saved.subscribe(listener);
  }

  private read(): SavedProgress | null {
    const raw = this.store.get(this.key);
    if (!raw) return null;
    try {
      const saved = JSON.parse(raw) as Partial<SavedProgress>;
      return typeof saved.state === 'string' ? { state: saved.state, location: String(saved.location ?? '') } : null;
    } catch {
      return null;
    }
  }
}

export async function open(config: RuntimeConfig, win: Window, deps?: Partial<RuntimeDeps>): Promise<StandaloneTracker> {
  const loaded = await loadRuntimeDeps(win, deps);
  return new StandaloneTracker(config, win, loaded.localStore, loaded);
}

// The shape every adapter module has (checked here, where the compiler can see it).
open satisfies AdapterModule['open'];
