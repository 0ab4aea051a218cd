// `npx tsx build/course/cli.ts [courseDir] [variantsDir]`: check the course and its variants without building.
// Prints one line per problem and exits 1, or a one-line summary and exits 0.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CourseError } from './problems.ts';
import { formatProblems } from './format.ts';
import { loadCourse } from './load.ts';
import { loadVariants } from './variant.ts';

export async function runCourseCheck(courseDir: string, variantsDir: string): Promise<{ exitCode: number; output: string }> {
  try {
    const course = await loadCourse(courseDir);
    const variants = await loadVariants(variantsDir, course);
    const screens = course.sections.reduce((count, section) => count + section.screens.length, 0);
    return {
      exitCode: 0,
      output: `${course.id} ${course.version}: ${course.sections.length} sections, ${screens} screens; variants: ${variants.map((variant) => variant.id).join(', ')}`,
    };
  } catch (error) {
    if (!(error instanceof CourseError)) throw error;
    const count = error.problems.length;
    return { exitCode: 1, output: `${count} problem${count === 1 ? '' : 's'}:\n${formatProblems(error.problems)}` };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const courseDir = process.argv[2] ?? 'course';
  const variantsDir = process.argv[3] ?? join(courseDir, 'variants');
  const { exitCode, output } = await runCourseCheck(courseDir, variantsDir);
  (exitCode === 0 ? console.log : console.error)(output);
  process.exitCode = exitCode;
}
