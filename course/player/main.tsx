// Entry point. config.js (loaded before this module) has set window.COMMON_GROUND; everything starts from there.
import { render } from 'preact';
import { readConfig } from './logic/read-config.ts';
import { brandProperties } from './logic/branding.ts';
import { ProblemPage, Root } from './app/Root.tsx';
import { loadWords, wordsLanguage } from './strings/languages.ts';

// The page's own stylesheet (styles/main.css) is linked by index.html, not imported here: the build writes it into the
// page (build/launch-page.ts), and a stylesheet the entry imported would also sit in every lazy import's preload list,
// so the browser would fetch it again after the first screen.
const root = document.getElementById('app');
if (root) {
  const result = readConfig(window.COMMON_GROUND);
  if (result.ok) {
    document.documentElement.lang = result.config.course.language;
    document.title = result.config.variant.displayName || result.config.course.title;
    // The trust's colours, as custom properties on the page (styles/tokens.css names them).
    for (const [name, value] of Object.entries(brandProperties(result.config.variant.branding))) document.documentElement.style.setProperty(name, value);
    // The player's words first: at once for a language with catalogues of its own; the pseudo-locale's transform is
    // a chunk of its own (a failed fetch leaves the en-GB words it is made from).
    const config = result.config;
    void loadWords(wordsLanguage(config))
      .catch(() => undefined)
      .then(() => render(<Root config={config} />, root));
  } else {
    render(<ProblemPage detail={result.problem} />, root);
  }
}
