// One SCORM launch for a test: scorm-again in a parent frame, the course page below it, a manual clock, and every
// status the tracker reports.
import type { LmsProfileId, StandardId } from '../../../../course/model/types.ts';
import type { ConnectionStatus, Tracker, TrackerSession } from '../../../../course/runtime/tracker.ts';
import type { KeyValueStore } from '../../../../course/runtime/shared/browser-storage.ts';
import type { RuntimeDeps } from '../../../../course/runtime/shared/runtime-deps.ts';
import { open as open12 } from '../../../../course/runtime/adapters/scorm12.ts';
import { open as open2004 } from '../../../../course/runtime/adapters/scorm2004.ts';
import { fakeWindow, MemoryStorage, type FakeWindow } from './fake-window.ts';
import { ManualClock } from './manual-clock.ts';
import { sessionReady } from './session-ready.ts';
import { runtimeConfig } from './course-fixtures.ts';
import { scorm12Lms, scorm2004Lms, type Faults, type Flat, type TestLms } from './scorm-lms.ts';

export interface Launch {
  lms: TestLms;
  page: FakeWindow;
  clock: ManualClock;
  tracker: Tracker;
  session: TrackerSession;
  statuses: ConnectionStatus[];
}

export interface LaunchOptions {
  seed?: Flat;
  storage?: MemoryStorage;
  faults?: Faults;
  reflections?: 'private' | 'shared';
  standard?: Extract<StandardId, 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th'>;
  /** The variant's LMS profile; none (the standard profile) when left out. */
  lmsProfile?: LmsProfileId;
  /** The runtime's local store as it is handed in (a mirrored one, say); `storage` when left out. */
  localStore?: KeyValueStore;
  /** How the rest of the session is fetched after it opens (a test delays it); given, the launch does not wait for it. */
  fetchLater?: RuntimeDeps['fetchLater'];
}

export async function launchScorm(options: LaunchOptions = {}): Promise<Launch> {
  const standard = options.standard ?? 'scorm12';
  const lms = standard === 'scorm12' ? scorm12Lms(options.seed) : scorm2004Lms(options.seed);
  Object.assign(lms.faults, options.faults);
  const lmsFrame = fakeWindow({ props: { [standard === 'scorm12' ? 'API' : 'API_1484_11']: lms.api } });
  const page = fakeWindow({ parent: lmsFrame.win, localStorage: options.storage ?? new MemoryStorage() });
  const clock = new ManualClock();
  const config = runtimeConfig(standard, options.reflections ?? 'private');
  if (options.lmsProfile) config.variant.lmsProfile = options.lmsProfile;
  const deps: Partial<RuntimeDeps> = { clock, ...(options.localStore ? { localStore: options.localStore } : {}), ...(options.fetchLater ? { fetchLater: options.fetchLater } : {}) };
  const tracker = await (standard === 'scorm12' ? open12 : open2004)(config, page.win, deps);
  if (!tracker) throw new Error('the adapter found no LMS');
  const statuses: ConnectionStatus[] = [];
  tracker.onStatus((status) => statuses.push(status));
  const session = await tracker.start();
  if (!options.fetchLater) await sessionReady(tracker);
  return { lms, page, clock, tracker, session, statuses };
}

/** Values the course passed to SetValue, by element (last one wins). */
export function setValues(lms: TestLms): Record<string, string> {
  const out: Record<string, string> = {};
  for (const call of lms.calls) if (/SetValue$/.test(call.method) && call.result === 'true') out[call.args[0] as string] = call.args[1] as string;
  return out;
}

export function unconfirmedCopies(storage: MemoryStorage): [string, string][] {
  return storage.entries().filter(([key]) => key.startsWith('common-ground:unconfirmed:'));
}

/** Answers kept in this browser until a commit confirms them (scorm/interaction-journal.ts). */
export function unrecordedAnswers(storage: MemoryStorage): [string, string][] {
  return storage.entries().filter(([key]) => key.startsWith('common-ground:unrecorded-answers:'));
}

/** The interactions the LMS server stored, in index order, as field → value. */
export function storedInteractions(record: Flat | null): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(record ?? {})) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
    if (!match) continue;
    const entry = (out[Number(match[1])] ??= {});
    entry[match[2] as string] = value;
  }
  return out.filter((entry) => entry.id !== undefined && entry.id !== '');
}
