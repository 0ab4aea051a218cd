// `npm run conformance`'s entry: its usage, one clear line for a usage error (exit 2) and for nothing to walk (exit
// 1). The walks themselves are the e2e suite's (tests/e2e), run by the command against the built packages.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance } from '../../../tools/conformance/cli.ts';
import { refusedCalls, warningsOf } from '../../../tools/conformance/refused.ts';
import type { LogEntry } from '../../../tools/preview/protocol.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { output: { log: (line: string) => out.push(line), error: (line: string) => err.push(line) }, out, err };
}

describe('npm run conformance', () => {
  it('prints its usage with --help and exits 0', async () => {
    const { output, out, err } = capture();
    expect(await runConformance(['--help'], output)).toBe(0);
    expect(out.join('\n')).toMatch(/^usage: npm run conformance/);
    expect(out.join('\n')).toContain('--walk <which>');
    expect(err).toEqual([]);
  });

  it('refuses an unknown option, standard or walk in one line and exits 2', async () => {
    for (const args of [['--colour'], ['--standard', 'scorm3'], ['--walk', 'sideways']]) {
      const { output, err } = capture();
      expect(await runConformance(args, output)).toBe(2);
      expect(err[0]).toMatch(/^conformance: /);
    }
  });

  it('says to build first when there is nothing to walk, and exits 1', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'cg-conformance-'));
    try {
      const { output, err } = capture();
      expect(await runConformance(['--packages', empty], output)).toBe(1);
      expect(err).toEqual([`conformance: no packages in ${empty} (common-ground-<standard>.zip): run npm run build, or give --packages`]);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});

describe('what counts as refused', () => {
  const at = { seq: 1, at: '2025-01-01T00:00:00.000Z' };
  it('error codes on API calls (not the error queries), commits not stored, LRS errors but a GET 404, and every warning', () => {
    const entries: LogEntry[] = [
      { ...at, kind: 'api-call', session: 1, method: 'SetValue', args: ['cmi.interactions.0.learner_response', 'a-b'], result: 'false', errorCode: '406', errorText: 'Data Model Element Type Mismatch' },
      { ...at, kind: 'api-call', session: 1, method: 'GetLastError', args: [], result: '406', errorCode: '', errorText: '' },
      { ...at, kind: 'api-call', session: 1, method: 'Commit', args: [''], result: 'true', errorCode: '0', errorText: '' },
      { ...at, kind: 'commit', session: 1, trigger: 'manual', terminate: false, accepted: false, errorCode: 391, changed: [], suspendDataLength: 0 },
      { ...at, kind: 'xapi', by: 'course', method: 'GET', resource: 'activities/state', detail: 'no document', status: 404 },
      { ...at, kind: 'xapi', by: 'course', method: 'PUT', resource: 'activities/state', detail: 'after terminated', status: 401 },
      { ...at, kind: 'warning', source: 'cmi5', text: 'completed: already sent' },
    ];
    expect(refusedCalls(entries).map((r) => `${r.call} ${r.answer}`)).toEqual(['SetValue(cmi.interactions.0.learner_response, a-b) error 406', 'commit error 391', 'PUT activities/state HTTP 401']);
    expect(warningsOf(entries)).toEqual(['cmi5: completed: already sent']);
  });
});
