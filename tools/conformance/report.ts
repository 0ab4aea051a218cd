// The conformance report in plain text, one block per walk (what the LMS recorded, the commits against the budget,
// every refused call and warning) and a summary table at the end. A walk passes when it reached its end and the
// strict LMS refused nothing and warned of nothing.
import { STANDARD_NAME } from '../../manifests/standards/index.ts';
import { recordedLines } from './recorded.ts';
import { refusedCalls, warningsOf } from './refused.ts';
import type { WalkResult } from './walks.ts';

export interface Judged {
  walk: WalkResult;
  refused: ReturnType<typeof refusedCalls>;
  warnings: string[];
  ok: boolean;
}

export function judge(walk: WalkResult): Judged {
  const refused = refusedCalls(walk.entries);
  const warnings = warningsOf(walk.entries);
  return { walk, refused, warnings, ok: walk.error === null && refused.length === 0 && warnings.length === 0 };
}

const LEARNER = { passing: 'a learner who completes and passes', failing: 'a learner who fails for good (every knowledge-check attempt wrong), then leaves' } as const;

export function walkBlock({ walk, refused, warnings }: Judged, zipName: string): string[] {
  const lines = [`== ${STANDARD_NAME[walk.standard]} (${zipName}): ${LEARNER[walk.kind]}; LMS profile ${walk.snapshot?.lmsProfile ?? '?'} ==`];
  if (walk.error) lines.push(`The walk stopped: ${walk.error}`);
  if (walk.snapshot) {
    lines.push('Recorded by the LMS:');
    lines.push(...recordedLines(walk.snapshot, walk.entries));
  }
  const unit = walk.standard.startsWith('scorm') ? 'commits' : 'resume-document writes';
  lines.push(`${walk.commits} ${unit}; budget ${walk.budget} (one per screen change, one at the end, one per pause in typing)`);
  lines.push(`Refused calls: ${refused.length === 0 ? 'none' : refused.length}`);
  for (const refusal of refused) lines.push(`  ${refusal.call} → ${refusal.answer}: ${refusal.why}`);
  lines.push(`Warnings: ${warnings.length === 0 ? 'none' : warnings.length}`);
  for (const warning of warnings) lines.push(`  ${warning}`);
  return lines;
}

export function summaryTable(judged: readonly Judged[]): string[] {
  const rows = judged.map(({ walk, refused, warnings, ok }) => [STANDARD_NAME[walk.standard], walk.kind, String(walk.commits), String(refused.length), String(warnings.length), ok ? 'conforms' : walk.error ? 'walk stopped' : 'REFUSED']);
  const header = ['standard', 'learner', 'commits', 'refused', 'warnings', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
