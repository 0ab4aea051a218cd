// SCORM 2004 4th Edition for the build and the tools (scorm2004-edition.ts).
import { scorm2004Edition } from './scorm2004-edition.ts';

export const scorm2004Fourth = scorm2004Edition('scorm2004-4th', 'SCORM 2004 4th Edition');
