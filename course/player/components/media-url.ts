// Course files (film, captions, transcript) are referenced by paths relative to course/; the package places them at
// the same paths relative to index.html, so they resolve against the page. Nothing is ever fetched from elsewhere.
export function mediaUrl(coursePath: string, base: string = document.baseURI): string {
  return new URL(coursePath, base).href;
}
