// Entry point. config.js (loaded before this module) has set window.COMMON_GROUND; everything starts from there.
import { render } from 'preact';
import { readConfig } from './logic/read-config.ts';
import { ProblemPage, Root } from './app/Root.tsx';
import './styles/main.css';

const root = document.getElementById('app');
if (root) {
  const result = readConfig(window.COMMON_GROUND);
  if (result.ok) {
    document.documentElement.lang = result.config.course.language;
    document.title = result.config.variant.displayName || result.config.course.title;
    render(<Root config={result.config} />, root);
  } else {
    render(<ProblemPage detail={result.problem} />, root);
  }
}
