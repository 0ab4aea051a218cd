// SCORM 2004 3rd Edition for the build and the tools (scorm2004-edition.ts): a completion threshold is the text of
// adlcp:completionThreshold.
import { scorm2004Edition } from './scorm2004-edition.ts';

export const scorm2004Third = scorm2004Edition('SCORM 2004 3rd Edition', {
  schemaversion: '2004 3rd Edition',
  completionThreshold: 'text',
  schemaFolder: 'scorm2004-3rd',
});
