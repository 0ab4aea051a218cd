// The preview's bounded inspector log (issue 15.8): a cap per session, in all and in bytes, warnings kept before
// anything else, and a count of what was dropped; and the inspector log built on it stays small over many sessions.
import { describe, expect, it } from 'vitest';
import { InspectorLog } from '../../../tools/preview/inspector-log.ts';
import { LogRetention, PREVIEW_RETENTION, type RetentionLimits } from '../../../tools/preview/log-retention.ts';
import type { InspectorSnapshot } from '../../../tools/preview/protocol.ts';

interface Item {
  id: string;
  session: number;
  warning: boolean;
}

const LIMITS: RetentionLimits = { perSession: 10, sessionHead: 3, total: 25, totalBytes: 10_000 };

function fill(retention: LogRetention<Item>, session: number, count: number, warningEvery = 0, bytes = 10): void {
  for (let n = 1; n <= count; n++) {
    const warning = warningEvery > 0 && n % warningEvery === 0;
    retention.add({ id: `${session}.${n}${warning ? 'w' : ''}`, session, warning }, { session, warning, bytes });
  }
}

const ids = (retention: LogRetention<Item>): string[] => retention.items().map((item) => item.id);

describe('LogRetention', () => {
  it('keeps everything, in order, while under every cap', () => {
    const retention = new LogRetention<Item>(LIMITS);
    fill(retention, 1, 5);
    fill(retention, 2, 5);
    expect(ids(retention)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '2.1', '2.2', '2.3', '2.4', '2.5']);
    expect(retention.dropped).toEqual({ entries: 0, warnings: 0 });
    expect(retention.keptBytes).toBe(100);
  });

  it('caps a session: its first entries and its newest stay, the middle goes, other sessions are untouched', () => {
    const retention = new LogRetention<Item>(LIMITS);
    fill(retention, 1, 4);
    fill(retention, 2, 15);
    expect(ids(retention)).toEqual(['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '2.9', '2.10', '2.11', '2.12', '2.13', '2.14', '2.15']);
    expect(retention.dropped).toEqual({ entries: 5, warnings: 0 });
  });

  it('does not count a session’s warnings against its cap, nor drop them for it', () => {
    const retention = new LogRetention<Item>(LIMITS);
    fill(retention, 1, 16, 4);
    // 12 other entries (cap 10: 1.5 and 1.6 go) and 4 warnings, all kept.
    expect(ids(retention)).toEqual(['1.1', '1.2', '1.3', '1.4w', '1.7', '1.8w', '1.9', '1.10', '1.11', '1.12w', '1.13', '1.14', '1.15', '1.16w']);
    expect(retention.dropped).toEqual({ entries: 2, warnings: 0 });
  });

  it('over the total, drops the oldest entries that are not warnings first', () => {
    const retention = new LogRetention<Item>(LIMITS);
    for (let session = 1; session <= 5; session++) fill(retention, session, 8, 8);
    // 40 entries, 5 of them warnings; 25 kept: every warning and the newest 20 others.
    expect(retention.size).toBe(25);
    expect(ids(retention).filter((id) => id.endsWith('w'))).toEqual(['1.8w', '2.8w', '3.8w', '4.8w', '5.8w']);
    expect(ids(retention).filter((id) => !id.endsWith('w'))).toEqual([
      ...['3.2', '3.3', '3.4', '3.5', '3.6', '3.7'],
      ...['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7'],
      ...['5.1', '5.2', '5.3', '5.4', '5.5', '5.6', '5.7'],
    ]);
    expect(retention.dropped).toEqual({ entries: 15, warnings: 0 });
  });

  it('drops the oldest warnings only when warnings alone are over the total, and counts them', () => {
    const retention = new LogRetention<Item>(LIMITS);
    fill(retention, 1, 5);
    fill(retention, 2, 30, 1);
    expect(retention.size).toBe(25);
    expect(ids(retention)[0]).toBe('2.6w');
    expect(ids(retention).at(-1)).toBe('2.30w');
    expect(retention.dropped).toEqual({ entries: 10, warnings: 5 });
  });

  it('keeps the kept entries’ size under the byte cap, and one entry larger than it alone', () => {
    const retention = new LogRetention<Item>(LIMITS);
    fill(retention, 1, 8, 0, 1_000);
    fill(retention, 2, 8, 0, 1_000);
    expect(retention.keptBytes).toBeLessThanOrEqual(10_000);
    expect(ids(retention)).toEqual(['1.7', '1.8', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8']);
    retention.add({ id: 'huge', session: 3, warning: false }, { session: 3, warning: false, bytes: 50_000 });
    expect(ids(retention)).toEqual(['huge']);
    expect(retention.dropped.entries).toBe(16);
  });

  it('refuses limits whose session head is the whole session', () => {
    expect(() => new LogRetention<Item>({ ...LIMITS, sessionHead: 10 })).toThrow(/sessionHead/);
  });
});

describe('the inspector log over many sessions', () => {
  const snapshot = (): InspectorSnapshot => ({}) as InspectorSnapshot;

  it('keeps what a page opening late is sent small, every warning, and says what it dropped', () => {
    let session = 0;
    const log = new InspectorLog(snapshot, () => session);
    const padding = 'x'.repeat(150);
    for (session = 1; session <= 300; session++) {
      log.append({ kind: 'lms', text: `Launched session ${session}` });
      for (let call = 0; call < 40; call++) {
        log.append({ kind: 'api-call', session, method: 'LMSSetValue', args: ['cmi.suspend_data', padding], result: 'true', errorCode: '0', errorText: '' });
      }
      if (session % 50 === 0) log.append({ kind: 'warning', source: 'session', text: `warning of session ${session}` });
    }
    const kept = log.list();
    const bytes = kept.reduce((sum, entry) => sum + JSON.stringify(entry).length, 0);
    expect(bytes).toBeLessThanOrEqual(PREVIEW_RETENTION.totalBytes);
    expect(kept.length).toBeLessThanOrEqual(PREVIEW_RETENTION.total);
    expect(kept.filter((entry) => entry.kind === 'warning').map((entry) => entry.kind === 'warning' && entry.text)).toEqual([50, 100, 150, 200, 250, 300].map((n) => `warning of session ${n}`));
    // The newest session is whole; the oldest kept entries are the oldest that fit.
    expect(kept.at(-1)).toMatchObject({ kind: 'warning', text: 'warning of session 300' });
    expect(kept.filter((entry) => entry.kind === 'lms').at(-1)).toMatchObject({ text: 'Launched session 300' });
    const all = 300 * 41 + 6;
    expect(log.retention()).toEqual({ kept: kept.length, keptBytes: bytes, dropped: all - kept.length, droppedWarnings: 0 });
    expect(log.counts).toEqual({ apiCalls: 300 * 40, commits: 0, statements: 0, warnings: 6 });
    // Entries keep their order and numbering.
    expect(kept.map((entry) => entry.seq)).toEqual([...kept.map((entry) => entry.seq)].sort((a, b) => a - b));
  });

  it('caps one runaway session without losing its start', () => {
    const log = new InspectorLog(snapshot, () => 1);
    log.append({ kind: 'api-call', session: 1, method: 'LMSInitialize', args: [''], result: 'true', errorCode: '0', errorText: '' });
    for (let call = 0; call < 5_000; call++) log.append({ kind: 'api-call', session: 1, method: 'LMSGetValue', args: ['cmi.core.entry'], result: '', errorCode: '0', errorText: '' });
    const kept = log.list();
    expect(kept.length).toBe(PREVIEW_RETENTION.perSession);
    expect(kept[0]).toMatchObject({ method: 'LMSInitialize' });
    expect(kept.at(-1)!.seq).toBe(5_001);
  });
});
