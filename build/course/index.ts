// The course checker's public face: everything the build and its CLI need to load, check and report on the
// course data. See README.md in this folder for the list of checks.
export { CourseError, pointerOf, type CourseProblem } from './problems.ts';
export { formatProblems } from './format.ts';
export { loadCourse, checkCourse, COURSE_FILE_NAME, type CourseCheck } from './load.ts';
export { loadVariant, loadVariants, loadVariantSelection, variantIdOf, crossCheckVariant, type VariantSelection } from './variant.ts';
export { checkText } from './text-check.ts';
export { applyVariant } from './apply-variant.ts';
export { checkAgainstSchema, SCHEMA_DIR, type SchemaName } from './schema-check.ts';
export { crossCheckCourse } from './cross-check.ts';
export { checkCourseMedia, mediaReferences, resolveCoursePath } from './media-check.ts';
export { analyseScenario, type ScenarioGraphReport } from './scenario-graph.ts';
export { parseJson, JsonSyntaxError } from './parse-json.ts';
export { checkLogo, resolveLogoPath, LOGO_LIMITS, type LogoKind } from './logo-check.ts';
export { checkSvgLogo, type SvgLogoReport } from './svg-logo.ts';
export { NHS_PALETTE, findPaletteColour, nearestPaletteColour, parseHexColour, type PaletteColour } from './nhs-palette.ts';
export { contrastRatio, relativeLuminance, formatRatio, WCAG_AA_TEXT } from './contrast.ts';
export { normaliseUkPhone, ukPhoneProblem, emailProblem, httpsUrlProblem } from '../../course/model/contact-formats.ts';
