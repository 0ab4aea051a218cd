// Answers (cmi.interactions entries) not yet confirmed by an LMS commit, kept in this browser so that none is lost:
// not when the tab dies before the next commit, nor when the LMS refuses writes while it is gone. Each entry is
// written to the LMS as soon as it can be, and removed from here only once a commit has confirmed it; a relaunch
// appends whatever the LMS does not hold yet, each exactly once.
//
// Knowing what the LMS already holds after a tab died is the subtle part, since a commit may have landed without
// this page hearing of it (an LMS that stores every SetValue, a commit answered "false" that went through anyway):
// - SCORM 2004 lets us read cmi.interactions.n.id and .timestamp back: an entry is there when an entry with its id
//   and timestamp (tenths of a second) is.
// - SCORM 1.2 interactions are write-only apart from _count. The LMS stores the data model as a whole at each commit,
//   so when it still holds work from this browser's line (its suspend_data is one this browser sent, or the one it
//   continued from), the entries written at indexes below _count have landed and the rest have not. When the learner
//   carried on elsewhere in between, _count says nothing about these entries, so they are all appended: an answer
//   the learner really gave is recorded, at the (rare) risk of recording it twice if its commit had also landed.
import type { KeyValueStore } from '../shared/browser-storage.ts';
import type { ScormInteraction } from './data-model.ts';

/** An answer (the data model's ScormInteraction, kept as it is written) and how far it has got in the LMS. */
export interface JournalEntry extends ScormInteraction {
  /** The index the entry has in the LMS once its id was accepted; null until then. */
  index: number | null;
  /** Every field has been accepted by SetValue (not yet committed). */
  written: boolean;
}

interface JournalDocument {
  /** Fingerprints of the states the LMS may hold from this browser's line of work since the oldest entry. */
  lineage: string[];
  entries: JournalEntry[];
}

/** Fingerprints kept in the lineage at most (the oldest go first). */
const LINEAGE_MAX = 40;

export function journalKey(courseId: string, standard: string, learnerId: string | null): string {
  return `common-ground:unrecorded-answers:${courseId}:${standard}:${learnerId ?? 'anonymous'}`;
}

/** What a relaunch does with an entry an earlier launch left: the LMS has it, has part of it at `index`, or lacks it. */
export type Reconciled = { entry: JournalEntry; verdict: 'held' } | { entry: JournalEntry; verdict: 'rewrite'; index: number } | { entry: JournalEntry; verdict: 'append' };

export interface LmsInteractions {
  /** cmi.interactions._count now. */
  count: number;
  /** SCORM 2004: id and timestamp of each entry the LMS holds; null where they cannot be read (1.2). */
  held: { id: string; stamp: string }[] | null;
  /** The LMS's suspend_data fingerprint now. */
  stateFingerprint: string;
}

/** Decides, for each entry left by an earlier launch, whether the LMS already holds it (see the file's comment). */
export function reconcile(entries: readonly JournalEntry[], lineage: readonly string[], lms: LmsInteractions): Reconciled[] {
  if (lms.held) {
    const held = lms.held;
    return entries.map((entry) => {
      const index = held.findIndex((h) => h.id === entry.lmsId && h.stamp === entry.stamp);
      if (index < 0) return { entry, verdict: 'append' };
      return entry.written ? { entry, verdict: 'held' } : { entry, verdict: 'rewrite', index };
    });
  }
  const ours = lineage.includes(lms.stateFingerprint);
  return entries.map((entry) => {
    if (!ours || entry.index === null || entry.index >= lms.count) return { entry, verdict: 'append' };
    return entry.written ? { entry, verdict: 'held' } : { entry, verdict: 'rewrite', index: entry.index };
  });
}

/** The entries, persisted on every change (in memory only when this browser keeps nothing). */
export class InteractionJournal {
  private document: JournalDocument;

  constructor(
    private readonly store: KeyValueStore | null,
    readonly key: string,
  ) {
    this.document = load(store, key);
  }

  get entries(): readonly JournalEntry[] {
    return this.document.entries;
  }

  get lineage(): readonly string[] {
    return this.document.lineage;
  }

  /** A new answer; `confirmed` is the fingerprint of the state the LMS has confirmed, where the lineage starts. */
  add(entry: JournalEntry, confirmed: string): void {
    if (this.document.entries.length === 0) this.document.lineage = [confirmed];
    this.document.entries.push(entry);
    this.save();
  }

  /** A state handed to the LMS: while entries wait, the LMS may come to hold it. */
  noteState(fingerprint: string): void {
    if (this.document.entries.length === 0 || this.document.lineage.includes(fingerprint)) return;
    this.document.lineage = [...this.document.lineage, fingerprint].slice(-LINEAGE_MAX);
    this.save();
  }

  /** An entry's progress in the LMS changed (index given, fields accepted). */
  update(): void {
    this.save();
  }

  /** Replaces the entries (after a relaunch decided which are held), starting the lineage again. */
  replace(entries: JournalEntry[], confirmed: string): void {
    this.document = { lineage: [confirmed], entries };
    this.save();
  }

  /** A commit confirmed these entries: they are the LMS's now. */
  remove(done: readonly JournalEntry[]): void {
    if (done.length === 0) return;
    const gone = new Set(done);
    this.document.entries = this.document.entries.filter((e) => !gone.has(e));
    this.save();
  }

  /** Moves the entries under another key (the learner became known after Initialize succeeded late). */
  moveTo(other: InteractionJournal): void {
    if (this.document.entries.length === 0) return;
    const lineage = [...new Set([...other.document.lineage, ...this.document.lineage])].slice(-LINEAGE_MAX);
    other.document = { lineage, entries: [...other.document.entries, ...this.document.entries] };
    other.save();
    this.document = { lineage: [], entries: [] };
    this.save();
  }

  private save(): void {
    if (!this.store) return;
    if (this.document.entries.length === 0) this.store.remove(this.key);
    else this.store.set(this.key, JSON.stringify(this.document));
  }
}

function load(store: KeyValueStore | null, key: string): JournalDocument {
  const raw = store?.get(key);
  if (!raw) return { lineage: [], entries: [] };
  try {
    const parsed = JSON.parse(raw) as Partial<JournalDocument>;
    const lineage = Array.isArray(parsed.lineage) ? parsed.lineage.filter((f): f is string => typeof f === 'string') : [];
    const entries = Array.isArray(parsed.entries) ? parsed.entries.filter(isEntry) : [];
    return { lineage, entries };
  } catch {
    // Unreadable: nothing in it can be trusted to be written correctly.
    store?.remove(key);
    return { lineage: [], entries: [] };
  }
}

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Partial<JournalEntry>;
  return (
    typeof e.lmsId === 'string' &&
    typeof e.stamp === 'string' &&
    Array.isArray(e.fields) &&
    e.fields.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string') &&
    (e.index === null || (typeof e.index === 'number' && Number.isInteger(e.index) && e.index >= 0)) &&
    typeof e.written === 'boolean'
  );
}
