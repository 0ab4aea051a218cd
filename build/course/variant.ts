// Variant files (course/content/variants/*.json): read, schema-check, check against the course, and gather a folder's
// worth. Problems from every file are collected before anything is thrown, so one run shows them all.
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Course, LmsProfileId, Variant } from '../../course/model/types.ts';
import { CourseError, type CourseProblem } from './problems.ts';
import { describeFsError, readJsonFile } from './read-json.ts';
import { checkAgainstSchema } from './schema-check.ts';
import { checkLogo, logoFormatProblem } from './logo-check.ts';
import { checkText } from './text-check.ts';
import { WCAG_AA_TEXT, contrastRatio, formatRatio } from './contrast.ts';
import { NHS_PALETTE, findPaletteColour } from './nhs-palette.ts';
import { LMS_PROFILES } from '../../course/runtime/lms-profiles.ts';
import { PLAYER_LANGUAGES, PSEUDO_LOCALE, isPseudoLocale, playerLanguage } from '../../course/player/strings/languages.ts';

interface VariantCheck {
  variant: Variant | undefined;
  /** The id the file gives itself, or its file name when it gives none. */
  id: string;
  problems: CourseProblem[];
}

/** Read + check one variant file against the schema and the course (e.g. overrides allowed); throws CourseError. */
export async function loadVariant(file: string, course: Course): Promise<Variant> {
  const { variant, problems } = await checkVariantFile(file, course);
  if (problems.length > 0 || variant === undefined) throw new CourseError(problems);
  return variant;
}

/** All variant files in a folder (course/content/variants/*.json), sorted by id; duplicate ids are an error. */
export async function loadVariants(dir: string, course: Course): Promise<Variant[]> {
  return (await loadVariantSelection(dir, course, [])).variants;
}

export interface VariantSelection {
  /** The variants asked for (all when none were named), sorted by id. */
  variants: Variant[];
  /** One line per other file of the folder that has problems and is therefore not built (only when some were named). */
  notes: string[];
}

/**
 * The variants named in `only` (every file when it is empty), each checked in full; throws CourseError. Every file
 * in the folder is read, so a duplicate id is still found, but when variants are named a broken file that is not
 * one of them does not stop the build: it is named in one note instead.
 */
export async function loadVariantSelection(dir: string, course: Course, only: readonly string[]): Promise<VariantSelection> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new CourseError([{ file: dir, pointer: '', message: `cannot read the variants folder: ${describeFsError(error)}` }]);
  }
  if (names.length === 0) {
    throw new CourseError([{ file: dir, pointer: '', message: 'the folder holds no variant files', allowed: 'one or more <id>.json files, e.g. default.json' }]);
  }

  const checks = await Promise.all(names.map(async (name) => ({ file: join(dir, name), name, ...(await checkVariantFile(join(dir, name), course)) })));
  const fileById = new Map<string, string>();
  for (const check of checks) {
    if (check.variant === undefined) continue;
    const other = fileById.get(check.variant.id);
    if (other === undefined) fileById.set(check.variant.id, check.file);
    else check.problems.push({ file: check.file, pointer: '/id', message: `duplicate variant id "${check.variant.id}": ${other} already uses it`, allowed: 'an id no other variant file uses' });
  }
  const wanted = (check: (typeof checks)[number]): boolean => only.length === 0 || only.includes(check.variant?.id ?? check.id);
  const problems = checks.filter(wanted).flatMap((check) => check.problems);
  const found = new Set(checks.map((check) => check.variant?.id ?? check.id));
  const unknown = only.filter((id) => !found.has(id));
  for (const id of unknown) {
    problems.push({ file: dir, pointer: '', message: `no variant file has the id "${id}"`, allowed: [...found].sort().map((known) => `"${known}"`).join(', ') });
  }
  if (problems.length > 0) throw new CourseError(problems);
  const notes = checks
    .filter((check) => !wanted(check) && check.problems.length > 0)
    .map((check) => `${check.file} has ${check.problems.length} problem(s) and is not built by this run (build it by name, or check the folder with npx tsx build/course/cli.ts, to see them)`);
  const variants = checks.filter(wanted).map((check) => check.variant as Variant);
  return { variants: variants.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)), notes };
}

/** The id a variant file gives itself, read leniently (for files that fail their checks); else its file name. */
export function variantIdOf(value: unknown, fileName: string): string {
  const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' && /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id) ? id : basename(fileName, '.json');
}

async function checkVariantFile(file: string, course: Course): Promise<VariantCheck> {
  const read = await readJsonFile(file);
  const id = variantIdOf(read.value, file);
  if (read.value === undefined) return { variant: undefined, id, problems: read.problems };
  const logoFormat = logoFormatProblem(read.value, file);
  const schemaProblems = [...(logoFormat ? [logoFormat] : []), ...checkAgainstSchema('variant', read.value, file).filter((problem) => !logoFormat || problem.pointer !== logoFormat.pointer)];
  const textProblems = checkText(read.value, file).filter((problem) => !schemaProblems.some((other) => other.pointer === problem.pointer));
  if (schemaProblems.length > 0) return { variant: undefined, id, problems: [...read.problems, ...textProblems, ...schemaProblems] };
  const variant = read.value as Variant;
  const logo = variant.branding?.logo;
  const logoProblems = logo === undefined ? [] : (await checkLogo(file, logo)).problems;
  return { variant, id, problems: [...read.problems, ...textProblems, ...crossCheckVariant(variant, course, file), ...logoProblems] };
}

/**
 * What the schema cannot see: rules that need the course, the LMS profiles, or two fields at once. An override the
 * course's own rules would silently ignore is a mistake worth stopping the build for, since the trust believes it
 * is in force. (The logo file is checked separately, by checkLogo, as it needs the file system.)
 */
export function crossCheckVariant(variant: Variant, course: Course, file: string): CourseProblem[] {
  return [
    ...checkOverrides(variant, course, file),
    ...checkLanguage(variant, course, file),
    ...checkProfileStandards(variant, file),
    ...checkColourContrast(variant, file),
    ...checkContactRoutes(variant, file),
  ];
}

function checkOverrides(variant: Variant, course: Course, file: string): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const overrides = variant.completion ?? {};
  if (overrides.passMark !== undefined && course.completion.rule === 'all-sections') {
    problems.push({
      file,
      pointer: '/completion/passMark',
      message: `the course's completion rule is "all-sections", which ignores the pass mark, so this override would have no effect`,
      allowed: 'no passMark override while the course\'s rule is "all-sections"',
    });
  }
  return problems;
}

/**
 * The player's words must be ones it has a catalogue for (no silent English), and in the course's own language: the
 * course's text is written in one language, and a page that mixed two would read as neither. The pseudo-locale is the
 * one exception, since its words are the course language's own, transformed to show where each comes from.
 */
function checkLanguage(variant: Variant, course: Course, file: string): CourseProblem[] {
  const language = variant.language;
  if (language === undefined || isPseudoLocale(language)) return [];
  if (playerLanguage(language) === null) {
    return [{
      file,
      pointer: '/language',
      message: `the player has no words in "${language}": its buttons, notices and messages would be in another language`,
      allowed: `a language the player has a catalogue for (${PLAYER_LANGUAGES.join(', ')}), or the pseudo-locale "${PSEUDO_LOCALE}"; a translation adds one in course/player/strings/`,
    }];
  }
  if (language.toLowerCase() !== course.language.toLowerCase()) {
    return [{
      file,
      pointer: '/language',
      message: `"${language}" is not the course's language ("${course.language}"): the player's words would be in one language and the course's text in another`,
      allowed: `"${course.language}" (or leave it out), or the pseudo-locale "${PSEUDO_LOCALE}"`,
    }];
  }
  return [];
}

/** Every standard the variant asks for must be one its LMS profile plays properly. */
function checkProfileStandards(variant: Variant, file: string): CourseProblem[] {
  const profileId = variant.lmsProfile ?? 'standard';
  const profile = LMS_PROFILES[profileId];
  return variant.standards.flatMap((standard, index) =>
    profile.standards.includes(standard)
      ? []
      : [{
          file,
          pointer: `/standards/${index}`,
          message: `the LMS profile "${profileId}" does not list "${standard}": ${PROFILE_REASONS[profileId] ?? 'that family of LMS does not play it properly'}`,
          allowed: `for "${profileId}": ${profile.standards.map((id) => `"${id}"`).join(', ')}`,
        }],
  );
}

/** Why a profile leaves standards out, in the words an L&D team needs (course/runtime/lms-profiles.ts has the detail). */
const PROFILE_REASONS: Partial<Record<LmsProfileId, string>> = {
  moodle: 'Moodle never finished SCORM 2004 (no sequencing), so it is built as SCORM 1.2 (or xAPI/cmi5 with a plugin)',
  esr: 'ESR (Oracle Learning Management) takes SCORM 1.2 and SCORM 2004 up to the 3rd Edition, and no xAPI or cmi5',
};

/** White header text on the header colour, white button text on the accent colour and accent links on a white page. */
function checkColourContrast(variant: Variant, file: string): CourseProblem[] {
  const colours = variant.branding?.colours;
  if (colours === undefined) return [];
  const pairs = [
    { key: 'header', colour: colours.header, use: 'white header text on it' },
    { key: 'accent', colour: colours.accent, use: 'white button text on it, and links in it on the white page' },
  ] as const;
  return pairs.flatMap(({ key, colour, use }) => {
    const ratio = contrastRatio(colour, '#FFFFFF');
    if (ratio >= WCAG_AA_TEXT) return [];
    const name = findPaletteColour(colour)?.name ?? colour;
    return [{
      file,
      pointer: `/branding/colours/${key}`,
      message: `${name} (${colour}) has a contrast of ${formatRatio(ratio)} with white, too low for ${use}; WCAG 2.2 AA needs at least ${formatRatio(WCAG_AA_TEXT)}`,
      allowed: `a palette colour with at least ${formatRatio(WCAG_AA_TEXT)} against white, e.g. ${READABLE_ON_WHITE}`,
    }];
  });
}

const READABLE_ON_WHITE = NHS_PALETTE.filter((colour) => contrastRatio(colour.hex, '#FFFFFF') >= WCAG_AA_TEXT)
  .map((colour) => `${colour.name} ${colour.hex}`)
  .join(', ');

/** A contact nobody can reach is not a contact: each needs a phone number, an e-mail address or a link. */
function checkContactRoutes(variant: Variant, file: string): CourseProblem[] {
  return (variant.contacts ?? []).flatMap((contact, index) =>
    contact.phone === undefined && contact.email === undefined && contact.url === undefined
      ? [{ file, pointer: `/contacts/${index}`, message: `"${contact.name}" gives no way to reach it`, allowed: 'at least one of "phone", "email" and "url"' }]
      : [],
  );
}
