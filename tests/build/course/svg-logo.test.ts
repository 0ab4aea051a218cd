// The SVG logo rules on their own: inert, self-contained, sized.
import { describe, expect, it } from 'vitest';
import { checkSvgLogo } from '../../../build/course/svg-logo.ts';
import { svgLogo } from './logo-fixtures.ts';

describe('checkSvgLogo', () => {
  it('passes a plain logo with fragment references and reads its size from the viewBox', () => {
    expect(checkSvgLogo(svgLogo({ width: 300, height: 80 }))).toEqual({ problems: [], size: { width: 300, height: 80 } });
  });

  it('prefers width and height in px when both are given', () => {
    const report = checkSvgLogo('<svg xmlns="http://www.w3.org/2000/svg" width="240px" height="60" viewBox="0 0 24 6"/>');
    expect(report.size).toEqual({ width: 240, height: 60 });
  });

  it('accepts editor metadata in other namespaces (Inkscape, RDF)', () => {
    const text = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" viewBox="0 0 100 40" inkscape:version="1.3"><metadata><rdf:RDF/></metadata><path d="M0 0h10v10z"/></svg>`;
    expect(checkSvgLogo(text).problems).toEqual([]);
  });

  it.each([
    ['an HTML element', '<html:p xmlns:html="http://www.w3.org/1999/xhtml">x</html:p>', /HTML <p> element/],
    ['animation that could rewrite a link', '<set attributeName="href" to="javascript:alert(1)"/>', /<set> element, which animates attributes/],
    ['a javascript: link', '<a href="javascript:alert(1)"><rect width="1" height="1"/></a>', /links to a javascript: URL/],
    ['@import in a style element', '<style>@import "https://example.org/a.css";</style>', /@import in a <style> element/],
    ['an external url() in a style element', '<style><![CDATA[ rect { fill: url(https://example.org/p.svg#x) } ]]></style>', /url\(an address on the web\) in a <style> element/],
    ['a CSS escape that spells url(', '<rect width="1" height="1" style="fill: u\\72l(https://example.org/x)"/>', /backslash escape in the style attribute/],
    ['an upper-case event attribute', '<rect width="1" height="1" ONCLICK="x()"/>', /event attribute \(ONCLICK\)/],
  ])('refuses %s', (_name, inside, reason) => {
    const { problems } = checkSvgLogo(svgLogo({ inside }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(reason);
  });

  it('reports a processing instruction that loads a style sheet', () => {
    const text = `<?xml version="1.0"?><?xml-stylesheet href="https://example.org/s.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 4"/>`;
    expect(checkSvgLogo(text).problems).toEqual(['has a <?xml-stylesheet?> processing instruction, which can load style sheets; remove it']);
  });

  it('reports each kind of problem once', () => {
    const inside = '<rect onclick="a()"/><rect onclick="b()"/><rect onclick="c()"/>';
    expect(checkSvgLogo(svgLogo({ inside })).problems).toEqual(['has an event attribute (onclick), which runs code']);
  });

  it('needs an <svg> root in the SVG namespace, and a stated size', () => {
    expect(checkSvgLogo('<svg viewBox="0 0 10 4"/>').problems[0]).toMatch(/root element must be <svg xmlns/);
    expect(checkSvgLogo('<html/>').problems[0]).toMatch(/not an SVG image/);
    expect(checkSvgLogo('<svg xmlns="http://www.w3.org/2000/svg" width="100%"/>').problems).toEqual([
      'states no size: give it a viewBox (or width and height in px) so its shape is known',
    ]);
  });

  it('reports XML that does not parse', () => {
    expect(checkSvgLogo('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>').problems[0]).toMatch(/^is not well-formed XML: /);
  });
});
