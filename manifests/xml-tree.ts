// Package descriptors as a namespace-aware element tree, read by saxes (XML 1.0 well-formedness and Namespaces in
// XML), with a line number on every element so problems can say where they are. saxes never expands entities beyond
// the five predefined ones and character references; a descriptor that declares entities in its DOCTYPE (the
// "billion laughs" shape) is refused outright. Descriptors are small, so the whole tree is kept in memory.
import { SaxesParser } from 'saxes';
import { NS } from './namespaces.ts';

export interface XmlAttribute {
  /** Name as written, e.g. "adlcp:scormType". */
  qname: string;
  local: string;
  /** Namespace URI; '' for unprefixed attributes. */
  ns: string;
  value: string;
}

export interface XmlElement {
  qname: string;
  local: string;
  /** Namespace URI; '' when none is in scope. */
  ns: string;
  /** Attributes other than namespace declarations. */
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** Character data directly inside this element (text and CDATA sections), concatenated. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
  parent: XmlElement | null;
}

export interface XmlSyntaxError {
  line: number;
  column: number;
  message: string;
}

export type XmlParseResult = { ok: true; root: XmlElement } | { ok: false; error: XmlSyntaxError };

// XML 1.0 (5th ed.) NCName: the Name production without ':'.
const NC_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F' +
  '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NCNAME = new RegExp(`^[${NC_START}][${NC_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040]*$`, 'u');
/** Deeper than this is no package descriptor; consumers walk the tree recursively. */
const MAX_DEPTH = 256;
// A '&' that starts no reference, outside comments, CDATA and processing instructions. saxes reads such a '&' as
// the start of a reference up to the next ';' and so reports it far away; it is found here to say where it is.
const STRAY_AMPERSAND = /&(?![^\s&;<>"']+;)/;
const NOT_MARKUP = /<!--[^]*?-->|<!\[CDATA\[[^]*?\]\]>|<\?[^]*?\?>/g;

/** XML NCName (the lexical space of xs:ID and xs:NCName). */
export function isNcName(text: string): boolean {
  return NCNAME.test(text);
}

class Refusal extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

export function parseXml(source: string): XmlParseResult {
  // XML processors see every line break as "\n" (XML 1.0 §2.11); offsets below are into this text.
  const src = source.replace(/\r\n?/g, '\n');
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | null = null;
  let lastClosed: XmlElement | undefined;
  let startLine = 1;
  parser.on('error', (error) => {
    const at = Math.max(0, parser.position - 1);
    throw explain(src, error.message.replace(/^\d+:\d+: /, ''), at, lastClosed);
  });
  parser.on('doctype', (doctype) => {
    if (doctype.includes('<!ENTITY')) {
      throw new Refusal('entity declarations are not accepted in a package descriptor', src.lastIndexOf('<!DOCTYPE', parser.position));
    }
    // An external DTD (SYSTEM "file:///etc/passwd", PUBLIC "…" "http://…") would have an LMS that validates read a
    // file or fetch an address from outside the package; no standard's descriptor uses one.
    const external = /\b(SYSTEM|PUBLIC)\s+(["'])([^"']*)\2/.exec(doctype.split('[', 1)[0]!);
    if (external) {
      throw new Refusal(
        `the DOCTYPE names an external DTD (${external[1]} "${external[3]}"), which an LMS would have to read from outside the package; a package descriptor needs none`,
        src.lastIndexOf('<!DOCTYPE', parser.position),
      );
    }
  });
  // The start tag's line: saxes reports this once past the character that ends the name, which may be a line break.
  parser.on('opentagstart', () => void (startLine = parser.line - (src[parser.position - 1] === '\n' ? 1 : 0)));
  parser.on('opentag', (tag) => {
    if (open.length >= MAX_DEPTH) throw new Refusal(`elements nested more than ${MAX_DEPTH} deep`, parser.position - 1);
    const parent = open[open.length - 1] ?? null;
    const attributes = Object.values(tag.attributes)
      .filter((attribute) => attribute.uri !== NS.xmlns)
      .map(({ name, local, uri, value }) => ({ qname: name, local, ns: uri, value }));
    const element: XmlElement = { qname: tag.name, local: tag.local, ns: tag.uri, attributes, children: [], text: '', line: startLine, parent };
    parent?.children.push(element);
    root ??= element;
    open.push(element);
  });
  parser.on('closetag', () => void (lastClosed = open.pop()));
  const addText = (text: string): void => {
    const current = open[open.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(src).close();
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const before = src.slice(0, error.at);
    return { ok: false, error: { line: before.split('\n').length, column: error.at - before.lastIndexOf('\n'), message: error.message } };
  }
  return root ? { ok: true, root } : { ok: false, error: { line: 1, column: 1, message: 'no root element' } };
}

/** saxes's message made specific where it is vague, placed at the start of the markup it is about. */
function explain(src: string, message: string, at: number, lastClosed: XmlElement | undefined): Refusal {
  const plain = src.replace(NOT_MARKUP, (markup) => ' '.repeat(markup.length));
  // An unclosed comment, CDATA section or processing instruction runs to the end, where saxes blames an open tag.
  const unclosed = /<!--|<!\[CDATA\[|<\?/.exec(plain);
  if (unclosed && unclosed.index <= at) {
    const what = unclosed[0] === '<?' ? 'processing instruction' : unclosed[0] === '<!--' ? 'comment' : 'CDATA section';
    return new Refusal(`${what} is never closed`, unclosed.index);
  }
  const stray = STRAY_AMPERSAND.exec(plain);
  if (stray && stray.index <= at) return new Refusal("'&' must start an entity or character reference (write &amp;)", stray.index);
  if (message === 'unexpected close tag.' && lastClosed) {
    const tagStart = src.lastIndexOf('</', at);
    const name = /^<\/([^\s>]*)/.exec(src.slice(tagStart))![1];
    return new Refusal(`</${name}> does not close <${lastClosed.qname}> (opened on line ${lastClosed.line})`, tagStart);
  }
  if (message === 'undefined entity.') {
    const amp = src.lastIndexOf('&', at);
    return new Refusal(`entity ${src.slice(amp, at + 1)} is not defined (a descriptor may use only the predefined entities)`, amp);
  }
  if (message === 'disallowed character.') {
    const code = src.codePointAt(at) ?? 0;
    const shown = code > 0x20 ? ` "${String.fromCodePoint(code)}"` : '';
    return new Refusal(`disallowed character${shown} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`, at);
  }
  return new Refusal(message.replace(/\.$/, ''), at);
}

/** Decode descriptor bytes the way an XML processor would: BOM first, then the declared encoding, else UTF-8. */
export function decodeXmlBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  let label = 'utf-8';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0x00 && bytes[1] === 0x3c) label = 'utf-16be';
  else if (bytes[0] === 0x3c && bytes[1] === 0x00) label = 'utf-16le';
  else if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
    const declared = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][A-Za-z0-9._-]*)["']/.exec(head);
    if (declared) label = declared[1]!.toLowerCase();
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { ok: false, message: `unsupported encoding "${label}"` };
  }
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, message: `the bytes are not valid ${label}` };
  }
}

/** Element children of `element` with the given namespace and local name. */
export function childrenNamed(element: XmlElement, ns: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.ns === ns && child.local === local);
}

/** The value of an attribute, or undefined. Unprefixed attributes have ns ''. */
export function attributeValue(element: XmlElement, local: string, ns = ''): string | undefined {
  return element.attributes.find((attr) => attr.local === local && attr.ns === ns)?.value;
}

/** Every element below `element`, in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const pending = [...element.children].reverse();
  while (pending.length > 0) {
    const next = pending.pop()!;
    out.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i]!);
  }
  return out;
}
