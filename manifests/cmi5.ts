// cmi5.xml (cmi5 "Quartz" course structure): the course and one assignable unit that launches the player.
// Ids are absolute IRIs beneath course.iri (CATAPULT rejects relative ones); the AU url is relative to the zip root.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CompletionRules } from '../course/model/types.ts';
import { packageIdentifiers } from './identifiers.ts';
import type { PackageInput } from './package-input.ts';
import { hrefForPath } from './paths.ts';
import { NS } from './namespaces.ts';

export type Cmi5MoveOn = 'Completed' | 'CompletedAndPassed';

/** What the LMS waits for before it counts the AU as satisfied, from the course's completion rule. */
export function moveOnFor(rule: CompletionRules['rule']): Cmi5MoveOn {
  return rule === 'all-sections-and-pass' ? 'CompletedAndPassed' : 'Completed';
}

/** The cmi5 masteryScore (a 0..1 decimal, not a percentage) for a pass mark in percent, as written in the XML. */
export function masteryScoreFor(passMark: number): string {
  if (!Number.isFinite(passMark) || passMark < 0 || passMark > 100) {
    throw new Error(`pass mark ${passMark} is not a percentage between 0 and 100`);
  }
  // Four decimals keep e.g. 66.67 % exact enough, and avoid float noise such as 0.35000000000000003.
  return String(Number((passMark / 100).toFixed(4)));
}

export function cmi5CourseStructure(input: PackageInput): string {
  const { course, variant } = input;
  const ids = packageIdentifiers(course, variant);
  const moveOn = moveOnFor(course.completion.rule);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(NS.cmi5, 'courseStructure');

  const courseElement = root.ele('course', { id: ids.courseIri });
  langstrings(courseElement.ele('title'), course.language, variant.displayName);
  langstrings(courseElement.ele('description'), course.language, course.description);

  const au = root.ele('au', { id: ids.auIri, moveOn });
  // masteryScore only when passing matters: with moveOn "Completed" the LMS would otherwise still judge a score.
  if (moveOn === 'CompletedAndPassed') au.att('masteryScore', masteryScoreFor(course.completion.passMark));
  au.att('launchMethod', 'AnyWindow');
  langstrings(au.ele('title'), course.language, course.title);
  langstrings(au.ele('description'), course.language, course.description);
  au.ele('url').txt(hrefForPath(input.launch));

  return doc.end({ prettyPrint: true });
}

function langstrings(parent: XMLBuilder, lang: string, text: string): void {
  parent.ele('langstring', { lang }).txt(text);
}
