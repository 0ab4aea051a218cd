// SCORM 2004 4th Edition for the build and the tools (scorm2004-edition.ts): a completion threshold is the
// minProgressMeasure attribute of adlcp:completionThreshold.
import { scorm2004Edition } from './scorm2004-edition.ts';

export const scorm2004Fourth = scorm2004Edition('SCORM 2004 4th Edition', {
  schemaversion: '2004 4th Edition',
  completionThreshold: 'minProgressMeasure',
  schemaFolder: 'scorm2004-4th',
});
