// `npm run check-course [-- <courseDir> [<variantsDir>]]` (also `npx tsx build/course/cli.ts`): check the course and
// its variants without building. Prints one line per problem and exits 1, or a one-line summary and exits 0.
import { join } from 'node:path';
import { defineCommand } from '../../tools/cli/command-line.ts';
import { EXIT } from '../../tools/cli/exit-codes.ts';
import { isMainModule, runMain } from '../../tools/cli/run-command.ts';
import { CourseError } from './problems.ts';
import { formatProblems } from './format.ts';
import { loadCourse } from './load.ts';
import { loadVariants } from './variant.ts';

export const CHECK_COURSE_COMMAND = defineCommand({
  name: 'check-course',
  invocation: 'npm run check-course --',
  usage: ['[<courseDir> [<variantsDir>]]'],
  summary:
    "Checks course.json (schema, cross-references, media) and every variant file, as the build's first step does,\n" +
    'without building anything. Defaults: course/ and <courseDir>/variants/.',
  options: {},
  positionals: { name: 'folder', max: 2 },
});

export async function runCourseCheck(courseDir: string, variantsDir: string): Promise<{ exitCode: number; output: string }> {
  try {
    const course = await loadCourse(courseDir);
    const variants = await loadVariants(variantsDir, course);
    const screens = course.sections.reduce((count, section) => count + section.screens.length, 0);
    return {
      exitCode: EXIT.ok,
      output: `${course.id} ${course.version}: ${course.sections.length} sections, ${screens} screens; variants: ${variants.map((variant) => variant.id).join(', ')}`,
    };
  } catch (error) {
    if (!(error instanceof CourseError)) throw error;
    const count = error.problems.length;
    return { exitCode: EXIT.badInput, output: `check-course: ${count} problem${count === 1 ? '' : 's'}:\n${formatProblems(error.problems).replace(/^/gm, '  ')}` };
  }
}

if (isMainModule(import.meta.url)) {
  runMain(CHECK_COURSE_COMMAND, async ({ positionals }, io) => {
    const courseDir = positionals[0] ?? 'course/content';
    const variantsDir = positionals[1] ?? join(courseDir, 'variants');
    const { exitCode, output } = await runCourseCheck(courseDir, variantsDir);
    (exitCode === EXIT.ok ? io.log : io.error)(output);
    return exitCode;
  });
}
