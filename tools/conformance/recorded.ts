// What the LMS recorded in one walk, as lines a person (or an LMS admin) can read: the SCORM data model as the LMS
// committed it (the learner's saved state by its length only), or the statements in the order the LRS stored them,
// the LMS's own among them, and the State documents.
import type { InspectorSnapshot, LogEntry } from '../preview/protocol.ts';
import { collection } from '../../tests/e2e/support/scorm-record.ts';

type Json = Record<string, unknown>;

export function recordedLines(snapshot: InspectorSnapshot, entries: readonly LogEntry[]): string[] {
  if (snapshot.scorm) return scormLines(snapshot.scorm.committed, snapshot.scorm.totalTime, snapshot.scorm.lastExit);
  const lines: string[] = [];
  const statements = entries.flatMap((entry) => (entry.kind === 'statement' ? [{ by: entry.by, statement: entry.statement }] : []));
  lines.push(`statements (${statements.length}, in the order stored):`);
  statements.forEach(({ by, statement }, i) => lines.push(`  ${String(i + 1).padStart(3)}. ${by === 'lms' ? '[LMS] ' : ''}${statementLine(statement)}`));
  const documents = snapshot.xapi?.documents ?? [];
  lines.push(`documents (${documents.length}):`);
  for (const document of documents) lines.push(`  ${document.resource} ${document.id}: ${document.size} bytes`);
  if (snapshot.xapi) lines.push(`registration ${snapshot.xapi.registration}; session ${snapshot.xapi.sessionState}${snapshot.xapi.satisfied === null ? '' : `; satisfied: ${snapshot.xapi.satisfied ? 'yes' : 'no'} (moveOn ${snapshot.xapi.moveOn})`}`);
  return lines;
}

function scormLines(committed: Record<string, string>, totalTime: string, lastExit: string): string[] {
  const lines: string[] = [];
  const plain = Object.keys(committed)
    .filter((element) => !/^cmi\.(interactions|objectives)\.\d+\./.test(element) && committed[element] !== '' && !/\._(count|children)$/.test(element))
    .sort();
  for (const element of plain) {
    const value = committed[element]!;
    lines.push(`  ${element} = ${element === 'cmi.suspend_data' ? `(the learner's saved state, ${value.length} characters)` : value}`);
  }
  lines.push(`  total time (the LMS's) = ${totalTime}; last exit = "${lastExit}"`);
  for (const name of ['objectives', 'interactions'] as const) {
    const rows = collection(committed, name);
    lines.push(`  cmi.${name} (${rows.length}):`);
    rows.forEach((row, i) => {
      const fields = Object.entries(row)
        .filter(([field, value]) => field !== 'id' && value !== '' && !field.endsWith('_count'))
        .map(([field, value]) => `${field}=${value.length > 60 ? `${value.slice(0, 57)}…` : value}`);
      lines.push(`    ${String(i).padStart(2)}. ${row.id ?? '?'}  ${fields.join('  ')}`);
    });
  }
  return lines;
}

function statementLine(statement: Json): string {
  const verb = String((statement.verb as Json | undefined)?.id ?? '').split('/').at(-1);
  const object = String((statement.object as Json | undefined)?.id ?? '');
  const result = (statement.result ?? {}) as Json;
  const parts: string[] = [];
  if (result.success !== undefined) parts.push(`success=${String(result.success)}`);
  if (result.completion !== undefined) parts.push(`completion=${String(result.completion)}`);
  const score = result.score as Json | undefined;
  if (score?.scaled !== undefined) parts.push(`score=${String(score.scaled)}`);
  if (result.response !== undefined) parts.push(`response=${String(result.response)}`);
  if (result.duration !== undefined) parts.push(`duration=${String(result.duration)}`);
  const extensions = (result.extensions ?? {}) as Json;
  for (const [key, value] of Object.entries(extensions)) parts.push(`${key.split('/').at(-1)}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return `${verb} ${shortIri(object)}${parts.length > 0 ? `  ${parts.join(' ')}` : ''}`;
}

function shortIri(iri: string): string {
  return iri.replace(/^https?:\/\/[^/]+/, '');
}
