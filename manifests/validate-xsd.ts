// XSD validation with xmllint-wasm, batched. Every xmllint-wasm call starts a worker thread, compiles the WebAssembly
// module and the schema set (~100 ms), so many descriptors of one schema set go through ONE call: xmllint validates
// the whole list against the compiled schema and names each file in its messages.
import { validateXML } from 'xmllint-wasm';
import { NS } from './namespaces.ts';
import type { SchemaSet } from './schema-sets.ts';

export interface XsdMessage {
  /** Line in the document, when xmllint gave one. */
  line: number | null;
  message: string;
}

export interface XsdResult {
  valid: boolean;
  messages: XsdMessage[];
}

/** The schema set could not be compiled: a setup problem, not a verdict on the documents. */
export { SchemaSetError } from './schema-sets.ts';
import { SchemaSetError } from './schema-sets.ts';

// Bounds per xmllint call: enough to amortise the start-up, small enough to keep the worker's memory modest.
const MAX_DOCUMENTS_PER_CALL = 250;
const MAX_BYTES_PER_CALL = 24 * 1024 * 1024;
// WebAssembly pages of 64 KiB; memory grows only as needed, this is the ceiling (1 GiB).
const MAX_MEMORY_PAGES = 16384;

/** Validate `documents` against `set`, in as few xmllint calls as the bounds allow. Results are in input order. */
export async function validateWithSchemaSet(set: SchemaSet, documents: readonly Uint8Array[]): Promise<XsdResult[]> {
  const results: XsdResult[] = [];
  for (const chunk of chunks(documents)) results.push(...(await validateChunk(set, chunk)));
  return results;
}

function chunks(documents: readonly Uint8Array[]): Uint8Array[][] {
  const out: Uint8Array[][] = [];
  let current: Uint8Array[] = [];
  let bytes = 0;
  for (const document of documents) {
    if (current.length > 0 && (current.length >= MAX_DOCUMENTS_PER_CALL || bytes + document.byteLength > MAX_BYTES_PER_CALL)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(document);
    bytes += document.byteLength;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function validateChunk(set: SchemaSet, documents: readonly Uint8Array[]): Promise<XsdResult[]> {
  let output: string;
  try {
    const result = await validateXML({
      xml: documents.map((contents, index) => ({ fileName: documentName(index), contents })),
      schema: [set.driver],
      preload: set.files,
      maxMemoryPages: MAX_MEMORY_PAGES,
      // The wasm build has no network anyway; --nonet states the intent for anyone reading the arguments.
      modifyArguments: (args) => ['--nonet', ...args],
    });
    output = result.rawOutput;
  } catch (error) {
    // xmllint-wasm rejects on exit codes other than 0/3/4. Exit 1 (a document not well-formed) still carries the
    // per-document output in the message; exit 5 means the schema set itself did not compile.
    const code = (error as { code?: unknown }).code;
    const text = error instanceof Error ? error.message : String(error);
    if (code === 5) throw new SchemaSetError(`schema set ${set.id} (${set.source}) failed to compile: ${firstSchemaErrors(text)}`);
    if (typeof code !== 'number') throw error;
    output = text;
  }
  return parseOutput(output, documents.length);
}

function documentName(index: number): string {
  return `doc-${index}.xml`;
}

const DOCUMENT_LINE = /^doc-(\d+)\.xml(?::(\d+))?:? ?(.*)$/;

/** Split xmllint's stderr into per-document verdicts and messages. Lines about schema files are not ours to report. */
export function parseOutput(output: string, count: number): XsdResult[] {
  const results = Array.from({ length: count }, () => ({ validates: false, fails: false, messages: [] as XsdMessage[] }));
  for (const line of output.split('\n')) {
    const match = DOCUMENT_LINE.exec(line);
    if (!match) continue; // source excerpts, carets, schema-compilation notices
    const result = results[Number(match[1])];
    if (!result) continue;
    const rest = match[3]!;
    if (match[2] === undefined && rest === 'validates') result.validates = true;
    else if (match[2] === undefined && rest === 'fails to validate') result.fails = true;
    else result.messages.push({ line: match[2] === undefined ? null : Number(match[2]), message: tidyMessage(rest) });
  }
  return results.map(({ validates, fails, messages }) => {
    // A document that "validates" may still have drawn parser warnings (e.g. a relative namespace URI): kept, not fatal.
    if (validates && !fails) return { valid: true, messages };
    if (messages.length === 0) messages.push({ line: null, message: 'xmllint rejected the document without a message' });
    return { valid: false, messages };
  });
}

const PREFIXES: ReadonlyArray<readonly [string, string]> = [
  [NS.imscp12, ''],
  [NS.imscp, ''],
  [NS.cmi5, ''],
  [NS.adlcp12, 'adlcp:'],
  [NS.adlcp, 'adlcp:'],
  [NS.adlseq, 'adlseq:'],
  [NS.adlnav, 'adlnav:'],
  [NS.imsss, 'imsss:'],
  [NS.imsmd12, 'imsmd:'],
  [NS.lom, 'lom:'],
  [NS.xml, 'xml:'],
];

/** "element resource: Schemas validity error : Element '{ns}resource' …" → "Element 'resource' …". */
function tidyMessage(message: string): string {
  let text = message.replace(/^element [^:]+: Schemas validity error : /, '').replace(/^Schemas validity error : /, '');
  for (const [namespace, prefix] of PREFIXES) text = text.split(`{${namespace}}`).join(prefix);
  return text.trim();
}

/** The first few meaningful lines of a schema compilation failure (without libxml2's harmless ims_xml.xsd notice). */
function firstSchemaErrors(stderr: string): string {
  const lines = stderr.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length && kept.length < 3; i++) {
    // SCORM 1.2's ims_xml.xsd binds the XML namespace as default namespace; libxml2 complains but compiles it.
    if (lines[i]!.includes('xml namespace URI cannot be the default namespace')) {
      i += 2; // the notice is followed by a source excerpt and a caret line
      continue;
    }
    if (/Schemas parser error|failed to compile|I\/O error|warning/.test(lines[i]!)) kept.push(lines[i]!.trim());
  }
  return kept.length > 0 ? kept.join('; ') : stderr.trim().split('\n').slice(0, 3).join('; ');
}
