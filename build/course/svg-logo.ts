// An SVG logo must be inert and self-contained: it is copied into every package and shown inside the LMS, so it may
// not run code, load anything from elsewhere (the package makes no network requests) or rely on XML features that
// parsers disagree about (DOCTYPE, entities). Parsed with saxes (a conforming, non-validating XML parser) and
// checked element by element against the rules below; also reports the logo's intrinsic size for the shape check.
import { SaxesParser, type SaxesTagNS } from 'saxes';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** SVG elements that run code, embed other documents or media, or animate attributes (animation can rewrite a link). */
const REFUSED_ELEMENTS: Record<string, string> = {
  script: 'runs code',
  foreignObject: 'embeds HTML',
  iframe: 'embeds another document',
  embed: 'embeds another document',
  object: 'embeds another document',
  audio: 'plays media',
  video: 'plays media',
  canvas: 'is drawn by script',
  handler: 'runs code',
  listener: 'wires up events',
  set: 'animates attributes (animation can rewrite links)',
  animate: 'animates attributes (animation can rewrite links)',
  animateMotion: 'animates the drawing',
  animateTransform: 'animates the drawing',
  animateColor: 'animates the drawing',
  discard: 'changes the drawing over time',
};

export interface SvgLogoReport {
  /** Every rule broken, one phrase each (e.g. `has a <script> element, which runs code`). */
  problems: string[];
  /** Intrinsic size in user units (width/height in px or unitless, else the viewBox); undefined if not stated. */
  size?: { width: number; height: number };
}

export function checkSvgLogo(text: string): SvgLogoReport {
  const problems: string[] = [];
  const seen = new Set<string>();
  const report = (problem: string): void => {
    // One report per kind of problem: an icon with 40 onclick attributes needs one line, not 40.
    if (!seen.has(problem)) problems.push(problem);
    seen.add(problem);
  };
  let root: SaxesTagNS | undefined;
  let inStyle = 0;
  const parser = new SaxesParser({ xmlns: true, position: true });
  let sawDoctype = false;
  parser.on('doctype', () => {
    sawDoctype = true;
    report('has a DOCTYPE declaration (which can define entities); remove it');
  });
  parser.on('processinginstruction', (pi) => report(`has a <?${pi.target}?> processing instruction, which can load style sheets; remove it`));
  parser.on('opentag', (tag) => {
    if (root === undefined) root = tag;
    checkElement(tag, report);
    if (tag.uri === SVG_NS && tag.local === 'style') inStyle++;
  });
  parser.on('closetag', (tag) => {
    if (tag.uri === SVG_NS && tag.local === 'style') inStyle--;
  });
  const checkStyleText = (text: string): void => {
    if (inStyle > 0) checkCss(text, 'a <style> element', report);
  };
  parser.on('text', checkStyleText);
  parser.on('cdata', checkStyleText);
  try {
    parser.write(text).close();
  } catch (error) {
    // A DOCTYPE's entities are not expanded (saxes leaves them undefined), so the parse error that follows one is
    // a consequence of the problem already reported: report the cause alone.
    if (sawDoctype) return { problems };
    return { problems: [...problems, `is not well-formed XML: ${(error as Error).message}`] };
  }
  if (root === undefined || root.uri !== SVG_NS || root.local !== 'svg') {
    return { problems: ['is not an SVG image: its root element must be <svg xmlns="http://www.w3.org/2000/svg">', ...problems] };
  }
  const size = intrinsicSize(root);
  if (size === undefined) report('states no size: give it a viewBox (or width and height in px) so its shape is known');
  return { problems, ...(size ? { size } : {}) };
}

function checkElement(tag: SaxesTagNS, report: (problem: string) => void): void {
  if (tag.uri === XHTML_NS) report(`has an HTML <${tag.local}> element; an SVG logo holds drawing elements only`);
  const refused = tag.uri === SVG_NS ? REFUSED_ELEMENTS[tag.local] : undefined;
  if (refused !== undefined) report(`has a <${tag.local}> element, which ${refused}`);
  for (const attribute of Object.values(tag.attributes)) {
    const { local, uri, value, name } = attribute;
    if (/^on/i.test(local)) report(`has an event attribute (${name}), which runs code`);
    if (local === 'href' && (uri === '' || uri === XLINK_NS) && !isFragmentRef(value)) {
      report(`links to ${describeTarget(value)} (${name}); only links to its own parts ("#id") are allowed`);
    }
    if (local === 'style' || /url\s*\(/i.test(value) || /@import/i.test(value)) checkCss(value, `the ${name} attribute`, report);
  }
}

/** CSS inside the logo: url() only to "#id" fragments, and no @import. */
function checkCss(css: string, where: string, report: (problem: string) => void): void {
  if (/@import/i.test(css)) report(`has @import in ${where}, which loads another style sheet`);
  // A CSS escape can spell url( or @import so that no pattern sees it; a logo's CSS has no need of escapes.
  if (css.includes('\\')) report(`has a backslash escape in ${where}, which can hide a link; write the CSS plainly`);
  for (const match of css.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    const target = match[2] ?? '';
    if (!isFragmentRef(target)) report(`has url(${describeTarget(target)}) in ${where}; only "#id" references are allowed`);
  }
}

function isFragmentRef(value: string): boolean {
  return /^\s*#[^\s]*\s*$/.test(value);
}

function describeTarget(value: string): string {
  const trimmed = value.trim();
  if (/^https?:/i.test(trimmed)) return 'an address on the web';
  if (/^data:/i.test(trimmed)) return 'embedded data';
  if (/^javascript:/i.test(trimmed)) return 'a javascript: URL';
  return `another file ("${trimmed.slice(0, 40)}")`;
}

/** Width and height in user units: from width/height when both are plain numbers or px, else from the viewBox. */
function intrinsicSize(root: SaxesTagNS): { width: number; height: number } | undefined {
  const attribute = (name: string): string | undefined => {
    const found = Object.values(root.attributes).find((entry) => entry.local === name && entry.uri === '');
    return found?.value;
  };
  const length = (text: string | undefined): number | undefined => {
    const match = /^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$/.exec(text ?? '');
    return match ? Number(match[1]) : undefined;
  };
  const width = length(attribute('width'));
  const height = length(attribute('height'));
  if (width !== undefined && height !== undefined && width > 0 && height > 0) return { width, height };
  const viewBox = (attribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (viewBox.length === 4 && viewBox.every(Number.isFinite) && viewBox[2]! > 0 && viewBox[3]! > 0) return { width: viewBox[2]!, height: viewBox[3]! };
  return undefined;
}
