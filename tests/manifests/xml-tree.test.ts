import { describe, expect, it } from 'vitest';
import { attributeValue, decodeXmlBytes, descendants, parseXml, type XmlElement } from '../../manifests/xml-tree.ts';

function parse(source: string): XmlElement {
  const result = parseXml(source);
  if (!result.ok) throw new Error(`${result.error.line}:${result.error.column} ${result.error.message}`);
  return result.root;
}

function failure(source: string) {
  const result = parseXml(source);
  if (result.ok) throw new Error('expected a syntax error');
  return result.error;
}

describe('parseXml', () => {
  it('resolves namespaces, prefixed attributes and line numbers', () => {
    const root = parse(
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c -->\n<m xmlns="urn:a" xmlns:p="urn:p">\n  <p:x p:k="1" k="2"/>\n  <y xmlns="">t</y>\n</m>\n',
    );
    expect([root.ns, root.local, root.line]).toEqual(['urn:a', 'm', 3]);
    const [x, y] = root.children as [XmlElement, XmlElement];
    expect([x.ns, x.local, x.line]).toEqual(['urn:p', 'x', 4]);
    expect(attributeValue(x, 'k', 'urn:p')).toBe('1');
    expect(attributeValue(x, 'k')).toBe('2');
    expect([y.ns, y.text]).toEqual(['', 't']);
    expect(y.parent).toBe(root);
  });

  it('decodes predefined entities, character references and CDATA, and normalises attribute whitespace', () => {
    const root = parse('<a t="x&#10;y\tz &amp; &quot;">&lt;b&gt; &#x263A; <![CDATA[<raw & text>]]></a>');
    expect(attributeValue(root, 't')).toBe('x\ny z & "');
    expect(root.text).toBe('<b> \u263A <raw & text>');
  });

  it('walks descendants in document order', () => {
    const root = parse('<a><b><c/></b><d/></a>');
    expect(descendants(root).map((element) => element.local)).toEqual(['b', 'c', 'd']);
  });

  it.each([
    ['<a><b></a>', /does not close <b>/],
    ['<a>', /unclosed tag: a/],
    ['<a x="1" x="2"/>', /duplicate attribute: x/],
    ['<a xmlns:p="urn:1" xmlns:q="urn:1" p:x="1" q:x="2"/>', /duplicate attribute: \{urn:1\}x/],
    ['<p:a/>', /unbound namespace prefix: "p"/],
    ['<a>&nbsp;</a>', /not defined/],
    ['<a>fish & chips</a>', /must start an entity/],
    ['<a x=1/>', /unquoted attribute value/],
    ['<a x="<"/>', /disallowed character "<"/],
    ['<a/><b/>', /only one root/],
    ['text<a/>', /outside of root/],
    ['', /must contain a root element/],
    ['<a>\u0001</a>', /U\+0001/],
    ['<a><!-- a -- b --></a>', /malformed comment/],
    ['<a>]]></a>', /"]]>" is disallowed/],
    ['<a/><?xml version="1.0"?>', /must be at the start/],
    ['<a xmlns:xml="urn:wrong"/>', /xml prefix/],
  ])('rejects %j', (source, message) => {
    expect(failure(source).message).toMatch(message);
  });

  it('refuses entity declarations instead of expanding them (billion laughs)', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY l0 "ha"><!ENTITY l1 "&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;&l0;">]>\n<a>&l1;</a>';
    expect(failure(bomb)).toMatchObject({ line: 2, message: expect.stringMatching(/entity declarations/) });
  });

  it('accepts a DOCTYPE without entity declarations or an external DTD', () => {
    expect(parse('<!DOCTYPE a>\n<a/>').local).toBe('a');
  });

  it.each([
    ['<!DOCTYPE manifest SYSTEM "file:///etc/passwd">\n<manifest/>', 'SYSTEM "file:///etc/passwd"'],
    ["<!DOCTYPE a PUBLIC '-//X//DTD X//EN' 'http://example.org/a.dtd'>\n<a/>", 'PUBLIC "-//X//DTD X//EN"'],
    ['<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "a.dtd" []>\n<a/>', 'SYSTEM "a.dtd"'],
  ])('refuses a DOCTYPE that names an external DTD: %s', (xml, named) => {
    expect(failure(xml)).toMatchObject({ message: expect.stringContaining(`external DTD (${named})`) });
  });

  it('reports the line and column of an error', () => {
    expect(failure('<a>\n  <b>\n  </c>\n</a>')).toMatchObject({ line: 3, column: 3 });
  });

  it('gives a start tag the line of its "<", also when a line break ends the name', () => {
    const root = parse('<?xml version="1.0"?>\n<m\n  a="1">\n  <x\n/></m>');
    expect([root.line, root.children[0]!.line]).toEqual([2, 4]);
  });

  it.each([
    ['<a>\n  fish & chips <b>x;</b></a>', { line: 2, column: 8, message: expect.stringMatching(/must start an entity/) }],
    ['<a>\n  <b>&nbsp;</b></a>', { line: 2, column: 6, message: expect.stringMatching(/&nbsp; is not defined/) }],
    ['<a>\n  <!-- note\n  <b/>\n</a>', { line: 2, column: 3, message: 'comment is never closed' }],
    ['<a><![CDATA[ x </a>', { line: 1, column: 4, message: 'CDATA section is never closed' }],
  ])('places the error in %j where the problem starts', (source, expected) => {
    expect(failure(source)).toEqual(expected);
  });

  it('bounds nesting depth', () => {
    expect(failure('<a>'.repeat(300) + '</a>'.repeat(300)).message).toMatch(/nested more than/);
  });
});

describe('decodeXmlBytes', () => {
  it('follows the BOM, then the declared encoding, else UTF-8', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'<a/>'].flatMap((char) => [char.charCodeAt(0), 0])]);
    expect(decodeXmlBytes(utf16)).toEqual({ ok: true, text: '<a/>' });
    const latin1 = new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...new TextEncoder().encode('</a>')]);
    expect(decodeXmlBytes(latin1)).toMatchObject({ ok: true, text: expect.stringContaining('<a>é</a>') });
    expect(decodeXmlBytes(new Uint8Array([0x3c, 0x61, 0xff, 0x2f, 0x3e]))).toEqual({ ok: false, message: 'the bytes are not valid utf-8' });
    expect(decodeXmlBytes(new TextEncoder().encode('<?xml version="1.0" encoding="x-klingon"?><a/>'))).toMatchObject({ ok: false });
  });
});
