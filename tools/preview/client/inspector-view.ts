// Drawing the inspector from what the server streams: the snapshot (status, suspend_data meter, CMI table or state
// documents, fault switches) and each log entry (API calls, commits, LRS requests, statements, warnings). Plain DOM,
// text set with textContent only, so nothing a course sends can become markup.
import type { DocumentView, Faults, InspectorSnapshot, LogEntry, LrsView } from '../protocol.ts';

/** Log rows kept on screen per list; the server keeps a bounded log for a page that reloads (log-retention.ts). */
const SHOWN_ENTRIES = 1000;
/** Longer values are cut in the CMI table (their length is shown). */
const SHOWN_VALUE = 160;

export class InspectorView {
  private readonly byId = <T extends HTMLElement>(id: string) => this.doc.getElementById(id) as T | null;
  private readonly errorQueryMethods = new Set(['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic', 'GetLastError', 'GetErrorString', 'GetDiagnostic']);
  /** The newest entry drawn: an entry is drawn once, whatever the stream repeats. */
  private lastSeq = 0;

  constructor(private readonly doc: Document) {
    const toggle = this.byId<HTMLInputElement>('show-error-queries');
    toggle?.addEventListener('change', () => this.byId('call-log')?.classList.toggle('hide-error-queries', !toggle.checked));
  }

  /**
   * The event stream (re)connected and replays the log the server kept: start the lists afresh, so nothing is drawn
   * twice and a restarted preview (numbering from 1 again) is drawn at all.
   */
  reset(): void {
    this.lastSeq = 0;
    for (const id of ['call-log', 'statement-list']) this.byId(id)?.replaceChildren();
    const warnings = this.byId('warning-list');
    if (warnings) {
      const none = this.doc.createElement('li');
      none.className = 'empty';
      none.textContent = 'None.';
      warnings.replaceChildren(none);
    }
  }

  announce(text: string): void {
    const region = this.byId('announcer');
    if (region) region.textContent = text;
  }

  renderSnapshot(snapshot: InspectorSnapshot): void {
    const { attempt } = snapshot;
    const summary = this.byId('attempt-summary');
    if (summary) {
      summary.textContent =
        attempt.session === 0 ? 'Not launched yet.' : `Attempt ${attempt.number}, session ${attempt.session}: ${attempt.running ? 'running' : 'ended'}.`;
    }
    this.renderStatus(snapshot);
    this.renderFaults(snapshot.faults);
    if (snapshot.scorm) this.renderCmi(snapshot.scorm.current, snapshot.scorm.committed);
    if (snapshot.xapi) this.renderDocuments(snapshot.xapi.documents);
  }

  addEntry(entry: LogEntry): void {
    if (entry.seq <= this.lastSeq) return;
    this.lastSeq = entry.seq;
    if (entry.kind === 'warning') {
      this.append('warning-list', this.item([tag(this.doc, entry.source), text(this.doc, entry.text)], entry.at, ''));
      return;
    }
    if (entry.kind === 'statement') {
      this.append('statement-list', this.statementItem(entry.statement, entry.by, entry.at));
      return;
    }
    this.append('call-log', this.callItem(entry));
  }

  private callItem(entry: Exclude<LogEntry, { kind: 'warning' } | { kind: 'statement' }>): HTMLLIElement {
    const doc = this.doc;
    switch (entry.kind) {
      case 'api-call': {
        const call = `${entry.method}(${entry.args.map((arg) => JSON.stringify(arg)).join(', ')})`;
        const parts: Node[] = [code(doc, call), text(doc, ' → '), code(doc, JSON.stringify(entry.result))];
        const failed = entry.errorCode !== '' && entry.errorCode !== '0';
        if (failed) parts.push(text(doc, ' '), tag(doc, `error ${entry.errorCode}`, true), text(doc, entry.errorText));
        const classes = [failed ? 'entry-failed' : '', this.errorQueryMethods.has(entry.method) ? 'error-query' : ''].join(' ');
        return this.item(parts, entry.at, classes);
      }
      case 'commit': {
        const how = `${entry.terminate ? 'final commit' : 'commit'} (${entry.trigger})`;
        const outcome = entry.accepted ? `stored; ${entry.changed.length} changed${entry.changed.length > 0 ? `: ${shortList(entry.changed)}` : ''}` : `refused with error ${entry.errorCode}`;
        return this.item(
          [tag(doc, entry.accepted ? 'commit' : 'commit failed', !entry.accepted), text(doc, `${how}: ${outcome}; suspend_data ${entry.suspendDataLength.toLocaleString('en-GB')} characters`)],
          entry.at,
          entry.accepted ? '' : 'entry-failed',
        );
      }
      case 'xapi': {
        const failed = entry.status === 0 || entry.status >= 400;
        const status = entry.status === 0 ? 'no answer' : String(entry.status);
        return this.item([code(doc, `${entry.method} ${entry.resource}`), text(doc, ` → ${status}: ${entry.detail}`)], entry.at, failed ? 'entry-failed' : '');
      }
      case 'lms':
        return this.item([tag(doc, 'LMS'), text(doc, entry.text)], entry.at, 'entry-lms');
    }
  }

  private statementItem(statement: Record<string, unknown>, by: 'course' | 'lms', at: string): HTMLLIElement {
    const doc = this.doc;
    const verb = statement.verb as { id?: string; display?: Record<string, string> } | undefined;
    const verbName = (verb?.display && Object.values(verb.display)[0]) ?? verb?.id?.split('/').pop() ?? '?';
    const object = statement.object as { id?: string; definition?: { name?: Record<string, string> } } | undefined;
    const objectName = (object?.definition?.name && Object.values(object.definition.name)[0]) ?? object?.id ?? '';
    const result = statement.result as { success?: boolean; completion?: boolean; score?: { scaled?: number }; duration?: string } | undefined;
    const facts = [
      result?.completion !== undefined ? `completion ${String(result.completion)}` : '',
      result?.success !== undefined ? `success ${String(result.success)}` : '',
      result?.score?.scaled !== undefined ? `scaled ${result.score.scaled}` : '',
      result?.duration ? `duration ${result.duration}` : '',
    ].filter(Boolean);
    const details = doc.createElement('details');
    const summary = doc.createElement('summary');
    summary.append(time(doc, at), tag(doc, by === 'lms' ? 'LMS' : 'course'), text(doc, `${verbName} · ${objectName}${facts.length > 0 ? ` (${facts.join(', ')})` : ''}`));
    const pre = doc.createElement('pre');
    pre.textContent = JSON.stringify(statement, null, 2);
    details.append(summary, pre);
    const item = doc.createElement('li');
    item.append(details);
    return item;
  }

  private item(parts: Node[], at: string, className: string): HTMLLIElement {
    const item = this.doc.createElement('li');
    if (className.trim() !== '') item.className = className.trim();
    item.append(time(this.doc, at), ...parts);
    return item;
  }

  private append(listId: string, item: HTMLLIElement): void {
    const list = this.byId(listId);
    if (!list) return;
    list.querySelector(':scope > li.empty')?.remove();
    // Follow the newest entries only when the reader is already at the bottom.
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.append(item);
    while (list.children.length > SHOWN_ENTRIES) list.firstElementChild?.remove();
    if (atBottom) list.scrollTop = list.scrollHeight;
  }

  private renderStatus(snapshot: InspectorSnapshot): void {
    const list = this.byId('status-list');
    if (!list) return;
    const { standardName, edition } = snapshot.package;
    const rows: Array<[string, string]> = [['Standard', edition && !standardName.includes(edition) ? `${standardName} (${edition})` : standardName]];
    if (snapshot.scorm) {
      const scorm = snapshot.scorm;
      rows.push(
        ['Entry', scorm.entry === '' ? '""' : scorm.entry],
        ['Last exit', scorm.lastExit === '' ? '(none yet)' : scorm.lastExit],
        ['Total time', scorm.totalTime],
        ['Commits', `${scorm.commits} stored, ${scorm.failedCommits} failed`],
        ['API calls', String(snapshot.counts.apiCalls)],
      );
      this.renderMeter(scorm.suspendDataLength, scorm.suspendDataLimit);
    }
    if (snapshot.xapi) {
      const xapi = snapshot.xapi;
      rows.push(
        ['Registration', xapi.registration || '(none yet)'],
        ['Session', xapi.sessionId ? `${xapi.sessionId} (${xapi.sessionState})` : xapi.sessionState],
        ['Statements', String(xapi.statementCount)],
        ['Documents', `${xapi.documents.length}, largest ${Math.max(0, ...xapi.documents.map((document) => document.size)).toLocaleString('en-GB')} bytes`],
      );
      if (xapi.satisfied !== null) rows.push(['moveOn', `${xapi.moveOn}: ${xapi.satisfied ? 'satisfied' : 'not yet satisfied'}`]);
      rows.push(['LRS', xapi.lrs === null ? 'in this preview (statements kept in memory)' : lrsSummary(xapi.lrs)]);
    }
    rows.push(['Warnings', String(snapshot.counts.warnings)]);
    rows.push(['Log', logSummary(snapshot.log)]);
    list.replaceChildren(
      ...rows.flatMap(([term, value]) => {
        const dt = this.doc.createElement('dt');
        dt.textContent = term;
        const dd = this.doc.createElement('dd');
        dd.textContent = value;
        return [dt, dd];
      }),
    );
  }

  private renderMeter(length: number, limit: number): void {
    const meter = this.byId<HTMLMeterElement>('suspend-meter');
    const label = this.byId('suspend-label');
    if (!meter || !label) return;
    meter.max = limit;
    meter.value = Math.min(length, limit);
    const percent = limit > 0 ? Math.round((length / limit) * 100) : 0;
    const over = length > limit;
    label.textContent = `cmi.suspend_data: ${length.toLocaleString('en-GB')} of ${limit.toLocaleString('en-GB')} characters (${percent}%)${over ? ', over the limit' : ''}`;
    label.classList.toggle('over-limit', over);
  }

  private renderFaults(faults: Faults): void {
    const set = (id: string, checked: boolean) => {
      const input = this.byId<HTMLInputElement>(id);
      if (input) input.checked = checked;
    };
    set('fault-commit', faults.commitFails);
    set('fault-lms-gone', faults.lmsGone);
    set('lrs-up', faults.lrsDown === 'off');
    set('lrs-503', faults.lrsDown === 'http-503');
    set('lrs-refuse', faults.lrsDown === 'refuse');
    const slow = this.byId<HTMLInputElement>('fault-slow');
    if (slow && this.doc.activeElement !== slow) slow.value = String(faults.slowMs);
  }

  private renderCmi(current: Record<string, string>, committed: Record<string, string>): void {
    const body = this.byId('cmi-rows');
    if (!body) return;
    const elements = [...new Set([...Object.keys(current), ...Object.keys(committed)])].sort();
    if (elements.length === 0) return;
    body.replaceChildren(
      ...elements.map((element) => {
        const row = this.doc.createElement('tr');
        const now = current[element];
        const then = committed[element];
        if (now !== undefined && now !== then) row.className = 'uncommitted';
        const name = this.doc.createElement('th');
        name.scope = 'row';
        name.textContent = element;
        row.append(name, cell(this.doc, now, now !== then && now !== undefined), cell(this.doc, then, false));
        return row;
      }),
    );
  }

  private renderDocuments(documents: readonly DocumentView[]): void {
    const holder = this.byId('document-list');
    if (!holder || documents.length === 0) return;
    holder.replaceChildren(
      ...documents.map((document) => {
        const details = this.doc.createElement('details');
        const summary = this.doc.createElement('summary');
        const where = document.resource === 'state' ? `state ${document.id}` : `${document.resource} ${document.id}`;
        summary.textContent = `${where} (${document.size.toLocaleString('en-GB')} bytes, ${document.contentType})`;
        const pre = this.doc.createElement('pre');
        pre.textContent = prettyJson(document.text);
        details.append(summary, pre);
        return details;
      }),
    );
  }
}

function cell(doc: Document, value: string | undefined, uncommitted: boolean): HTMLTableCellElement {
  const td = doc.createElement('td');
  if (value === undefined) td.textContent = '—';
  else {
    td.textContent = value.length > SHOWN_VALUE ? `${value.slice(0, SHOWN_VALUE)}… (${value.length.toLocaleString('en-GB')} characters)` : value === '' ? '""' : value;
  }
  if (uncommitted) td.append(doc.createTextNode(' (not committed)'));
  return td;
}

function time(doc: Document, at: string): HTMLTimeElement {
  const element = doc.createElement('time');
  element.dateTime = at;
  element.textContent = new Date(at).toLocaleTimeString('en-GB');
  return element;
}

/** What the preview keeps of its log, and what it let go, so a tester knows why older entries are missing. */
export function logSummary(log: InspectorSnapshot['log']): string {
  const kept = `${log.kept.toLocaleString('en-GB')} entries kept (${Math.ceil(log.keptBytes / 1024).toLocaleString('en-GB')} KB)`;
  if (log.dropped === 0) return kept;
  const warnings = log.droppedWarnings === 0 ? 'no warnings among them' : `${log.droppedWarnings.toLocaleString('en-GB')} of them warnings`;
  return `${kept}; ${log.dropped.toLocaleString('en-GB')} older entries dropped to keep this page quick (${warnings}; the counts above include them)`;
}

/** The real LRS's state in words a course author or L&D colleague can act on. */
function lrsSummary(lrs: LrsView): string {
  const held = lrs.heldStatements > 0 ? `; ${lrs.heldStatements} LMS statement${lrs.heldStatements === 1 ? '' : 's'} waiting for it` : '';
  switch (lrs.state) {
    case 'answering':
      return `${lrs.endpoint}: answering${held}`;
    case 'unreachable':
      return `${lrs.endpoint}: NOT ANSWERING (${lrs.problem}). The course keeps its statements and resends them${held}`;
    case 'refused':
      return `${lrs.endpoint}: REFUSED the key and secret (${lrs.problem}). Check --lrs-auth${held}`;
    default:
      return `${lrs.endpoint}: not contacted yet${held}`;
  }
}

function tag(doc: Document, label: string, error = false): HTMLSpanElement {
  const span = doc.createElement('span');
  span.className = error ? 'tag tag-error' : 'tag';
  span.textContent = label;
  return span;
}

function code(doc: Document, value: string): HTMLElement {
  const element = doc.createElement('code');
  element.textContent = value;
  return element;
}

function text(doc: Document, value: string): Text {
  return doc.createTextNode(value);
}

function shortList(items: readonly string[]): string {
  return items.length <= 6 ? items.join(', ') : `${items.slice(0, 6).join(', ')} and ${items.length - 6} more`;
}

function prettyJson(textValue: string): string {
  try {
    return JSON.stringify(JSON.parse(textValue), null, 2);
  } catch {
    return textValue;
  }
}
