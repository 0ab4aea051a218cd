// A strict, namespace-aware reader for package descriptors: XML 1.0 well-formedness plus Namespaces in XML, with a
// line number on every element so problems can say where they are. It never expands entities: a descriptor that
// declares entities (the "billion laughs" shape) is refused rather than parsed, and only the five predefined entities
// and character references are decoded. Descriptors are small, so the whole tree is kept in memory.
import { NS } from './standards.ts';

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

// XML 1.0 (5th ed.) Name productions; ':' is a name character for well-formedness, namespaces split on it later.
const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F' +
  '\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, 'uy');
const NCNAME = new RegExp(`^[${NAME_START.slice(1)}][${NAME_CHAR.slice(1)}]*$`, 'u');
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const XML_DECLARATION =
  /<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/y;
const MAX_DEPTH = 256;
const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML NCName (the lexical space of xs:ID and xs:NCName). */
export function isNcName(text: string): boolean {
  return NCNAME.test(text);
}

class SyntaxFailure extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

export function parseXml(source: string): XmlParseResult {
  // XML processors see every line break as "\n" (XML 1.0 §2.11).
  const src = source.replace(/\r\n?/g, '\n');
  const lineStarts = [0];
  for (let i = src.indexOf('\n'); i !== -1; i = src.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const position = (at: number): { line: number; column: number } => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: at - lineStarts[low]! + 1 };
  };
  try {
    return { ok: true, root: new Parser(src, (at) => position(at).line).document() };
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ok: false, error: { ...position(error.at), message: error.message } };
  }
}

type Scope = ReadonlyMap<string, string>;

class Parser {
  private pos = 0;
  private sawDoctype = false;

  constructor(
    private readonly src: string,
    private readonly lineAt: (at: number) => number,
  ) {}

  document(): XmlElement {
    const bad = INVALID_CHAR.exec(this.src);
    if (bad) this.fail(`character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`, bad.index);
    if (this.src.startsWith('\uFEFF')) this.pos = 1;
    XML_DECLARATION.lastIndex = this.pos;
    if (this.src.startsWith('<?xml', this.pos) && /[\s?]/.test(this.src[this.pos + 5] ?? '')) {
      if (!XML_DECLARATION.test(this.src)) this.fail('malformed XML declaration');
      this.pos = XML_DECLARATION.lastIndex;
    }
    this.misc(true);
    if (!this.src.startsWith('<', this.pos)) this.fail(this.pos >= this.src.length ? 'no root element' : 'text before the root element');
    const root = this.element(new Map([['xml', NS.xml]]));
    this.misc(false);
    if (this.pos < this.src.length) this.fail('content after the root element');
    return root;
  }

  /** Comments, processing instructions, whitespace and (before the root, once) a DOCTYPE. */
  private misc(beforeRoot: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.src.startsWith('<!--', this.pos)) this.comment();
      else if (this.src.startsWith('<?', this.pos)) this.processingInstruction();
      else if (beforeRoot && this.src.startsWith('<!DOCTYPE', this.pos)) this.doctype();
      else return;
    }
  }

  /** Parse one element and everything inside it, without recursion (depth is bounded separately). */
  private element(rootScope: Scope): XmlElement {
    const stack: { element: XmlElement; scope: Scope }[] = [];
    const root = this.startTag(null, rootScope, stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (this.pos >= this.src.length) this.fail(`<${top.element.qname}> (line ${top.element.line}) is never closed`);
      if (this.src[this.pos] !== '<') {
        top.element.text += this.text();
      } else if (this.src.startsWith('</', this.pos)) {
        this.endTag(top.element);
        stack.pop();
      } else if (this.src.startsWith('<!--', this.pos)) {
        this.comment();
      } else if (this.src.startsWith('<![CDATA[', this.pos)) {
        const end = this.src.indexOf(']]>', this.pos + 9);
        if (end === -1) this.fail('CDATA section is never closed');
        top.element.text += this.src.slice(this.pos + 9, end);
        this.pos = end + 3;
      } else if (this.src.startsWith('<?', this.pos)) {
        this.processingInstruction();
      } else if (this.src.startsWith('<!', this.pos)) {
        this.fail('markup declaration inside an element');
      } else {
        if (stack.length >= MAX_DEPTH) this.fail(`elements nested more than ${MAX_DEPTH} deep`);
        this.startTag(top.element, top.scope, stack);
      }
    }
    return root;
  }

  private startTag(parent: XmlElement | null, parentScope: Scope, stack: { element: XmlElement; scope: Scope }[]): XmlElement {
    const tagStart = this.pos;
    this.pos++; // '<'
    const qname = this.name('element name');
    const raw: { name: string; value: string; at: number }[] = [];
    let selfClosing = false;
    for (;;) {
      const spaced = this.skipSpace();
      if (this.src.startsWith('/>', this.pos)) {
        this.pos += 2;
        selfClosing = true;
        break;
      }
      if (this.src[this.pos] === '>') {
        this.pos++;
        break;
      }
      if (this.pos >= this.src.length) this.fail(`start tag <${qname}> is never closed`, tagStart);
      if (!spaced) this.fail(`expected whitespace, '>' or '/>' in <${qname}>`);
      const at = this.pos;
      const name = this.name('attribute name');
      this.skipSpace();
      if (this.src[this.pos] !== '=') this.fail(`attribute ${name} has no value`);
      this.pos++;
      this.skipSpace();
      const quote = this.src[this.pos];
      if (quote !== '"' && quote !== "'") this.fail(`value of attribute ${name} is not quoted`);
      const end = this.src.indexOf(quote, this.pos + 1);
      if (end === -1) this.fail(`value of attribute ${name} is never closed`);
      const literal = this.src.slice(this.pos + 1, end);
      const lt = literal.indexOf('<');
      if (lt !== -1) this.fail(`'<' is not allowed in the value of attribute ${name}`, this.pos + 1 + lt);
      if (raw.some((other) => other.name === name)) this.fail(`attribute ${name} appears twice`, at);
      // Attribute-value normalisation (XML 1.0 §3.3.3): literal whitespace becomes a space, references are kept.
      raw.push({ name, value: this.references(literal.replace(/[\t\n]/g, ' '), this.pos + 1), at });
      this.pos = end + 1;
    }

    const scope = this.declareNamespaces(raw, parentScope);
    const [ns, local] = this.resolve(qname, scope, true, tagStart);
    const attributes: XmlAttribute[] = [];
    for (const attr of raw) {
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
      const [attrNs, attrLocal] = this.resolve(attr.name, scope, false, attr.at);
      if (attributes.some((other) => other.ns === attrNs && other.local === attrLocal)) {
        this.fail(`attribute {${attrNs}}${attrLocal} appears twice (under different prefixes)`, attr.at);
      }
      attributes.push({ qname: attr.name, local: attrLocal, ns: attrNs, value: attr.value });
    }
    const element: XmlElement = { qname, local, ns, attributes, children: [], text: '', line: this.lineAt(tagStart), parent };
    parent?.children.push(element);
    if (!selfClosing) stack.push({ element, scope });
    return element;
  }

  private declareNamespaces(raw: readonly { name: string; value: string; at: number }[], parentScope: Scope): Scope {
    let scope: Map<string, string> | null = null;
    for (const attr of raw) {
      let prefix: string;
      if (attr.name === 'xmlns') prefix = '';
      else if (attr.name.startsWith('xmlns:')) prefix = attr.name.slice(6);
      else continue;
      if (prefix === 'xmlns') this.fail('the xmlns prefix cannot be declared', attr.at);
      if (prefix !== '' && attr.value === '') this.fail(`prefix ${prefix} cannot be undeclared in XML 1.0`, attr.at);
      if ((prefix === 'xml') !== (attr.value === NS.xml)) {
        this.fail('the xml prefix and the XML namespace can only be bound to each other', attr.at);
      }
      if (attr.value === NS.xmlns) this.fail('the xmlns namespace cannot be declared', attr.at);
      scope ??= new Map(parentScope);
      scope.set(prefix, attr.value);
    }
    return scope ?? parentScope;
  }

  /** [namespace, local name] of an element or attribute name. Unprefixed attributes are in no namespace. */
  private resolve(qname: string, scope: Scope, isElement: boolean, at: number): [string, string] {
    const parts = qname.split(':');
    if (parts.length > 2 || parts.some((part) => part === '')) this.fail(`"${qname}" is not a valid namespaced name`, at);
    if (parts.length === 1) return [isElement ? (scope.get('') ?? '') : '', qname];
    const [prefix, local] = parts as [string, string];
    const ns = scope.get(prefix);
    if (ns === undefined) this.fail(`prefix "${prefix}" of ${qname} is not declared`, at);
    return [ns, local];
  }

  private endTag(open: XmlElement): void {
    const at = this.pos;
    this.pos += 2;
    const name = this.name('element name');
    this.skipSpace();
    if (this.src[this.pos] !== '>') this.fail(`end tag </${name}> is malformed`);
    this.pos++;
    if (name !== open.qname) this.fail(`</${name}> does not close <${open.qname}> (opened on line ${open.line})`, at);
  }

  private text(): string {
    const end = this.src.indexOf('<', this.pos);
    const stop = end === -1 ? this.src.length : end;
    const raw = this.src.slice(this.pos, stop);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd !== -1) this.fail("']]>' is not allowed in text", this.pos + cdataEnd);
    const decoded = this.references(raw, this.pos);
    this.pos = stop;
    return decoded;
  }

  /** Decode the predefined entities and character references in `raw` (which starts at source offset `at`). */
  private references(raw: string, at: number): string {
    if (!raw.includes('&')) return raw;
    let out = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', from)) {
      out += raw.slice(from, amp);
      const semi = raw.indexOf(';', amp);
      const body = semi === -1 ? '' : raw.slice(amp + 1, semi);
      let char: string | undefined;
      if (/^#[0-9]+$/.test(body) || /^#x[0-9A-Fa-f]+$/.test(body)) {
        const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        char = code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
        if (char === undefined || INVALID_CHAR.test(char)) this.fail(`&${body}; is not a valid XML character`, at + amp);
      } else if (semi !== -1 && Object.hasOwn(PREDEFINED_ENTITIES, body)) {
        char = PREDEFINED_ENTITIES[body];
      } else if (/^[A-Za-z_:][\w.:-]*$/.test(body)) {
        this.fail(`entity &${body}; is not defined (descriptors may use only the predefined entities)`, at + amp);
      } else {
        this.fail("'&' must start an entity or character reference (write &amp;)", at + amp);
      }
      out += char;
      from = semi + 1;
    }
    return out + raw.slice(from);
  }

  private comment(): void {
    const end = this.src.indexOf('--', this.pos + 4);
    if (end === -1) this.fail('comment is never closed');
    if (this.src[end + 2] !== '>') this.fail("'--' is not allowed inside a comment", end);
    this.pos = end + 3;
  }

  private processingInstruction(): void {
    const start = this.pos;
    this.pos += 2;
    const target = this.name('processing-instruction target');
    if (target.toLowerCase() === 'xml') this.fail('XML declaration is only allowed at the very start', start);
    const end = this.src.indexOf('?>', this.pos);
    if (end === -1) this.fail('processing instruction is never closed', start);
    if (end > this.pos && !/^\s/.test(this.src[this.pos]!)) this.fail('malformed processing instruction', start);
    this.pos = end + 2;
  }

  /** Skip a DOCTYPE; refuse one whose internal subset declares entities (they could expand without bound). */
  private doctype(): void {
    if (this.sawDoctype) this.fail('more than one DOCTYPE');
    this.sawDoctype = true;
    const start = this.pos;
    let depth = 0;
    let quote: string | null = null;
    for (let i = this.pos + 9; i < this.src.length; i++) {
      const char = this.src[i]!;
      if (quote) {
        if (char === quote) quote = null;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '[') {
        depth++;
      } else if (char === ']') {
        depth--;
      } else if (char === '>' && depth === 0) {
        const declaration = this.src.slice(start, i + 1);
        if (/<!ENTITY/.test(declaration)) this.fail('entity declarations are not accepted in a package descriptor', start);
        this.pos = i + 1;
        return;
      }
    }
    this.fail('DOCTYPE is never closed', start);
  }

  private name(what: string): string {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.src);
    if (!match) this.fail(`expected ${what}`);
    this.pos = NAME.lastIndex;
    return match[0];
  }

  /** Skip whitespace; true if there was any. */
  private skipSpace(): boolean {
    const start = this.pos;
    while (this.pos < this.src.length && ' \t\n'.includes(this.src[this.pos]!)) this.pos++;
    return this.pos > start;
  }

  private fail(message: string, at: number = this.pos): never {
    throw new SyntaxFailure(message, at);
  }
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
