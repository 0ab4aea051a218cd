// SCORM 2004 3rd Edition for the build and the tools (scorm2004-edition.ts).
import { scorm2004Edition } from './scorm2004-edition.ts';

export const scorm2004Third = scorm2004Edition('scorm2004-3rd', 'SCORM 2004 3rd Edition');
