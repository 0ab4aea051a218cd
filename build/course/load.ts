// loadCourse: the one way the build gets a course. Read → parse → schema → cross-references → media on disk;
// every problem found on the way is collected and thrown together as a CourseError, never a stack trace.
import { join } from 'node:path';
import type { Course } from '../../course/model/types.ts';
import { crossCheckCourse } from './cross-check.ts';
import { checkCourseMedia } from './media-check.ts';
import { checkCourseContent } from './content/index.ts';
import { CourseError, type CourseProblem } from './problems.ts';
import { readJsonFile } from './read-json.ts';
import { checkAgainstSchema } from './schema-check.ts';
import { checkText } from './text-check.ts';

export const COURSE_FILE_NAME = 'course.json';

export interface CourseCheck {
  /** The course, when it could be parsed and matches the schema (it may still have other problems). */
  course: Course | undefined;
  problems: CourseProblem[];
}

/** Read, parse, schema-check and cross-check course/content/course.json (and its media on disk); throws CourseError. */
export async function loadCourse(courseDir: string): Promise<Course> {
  const { course, problems } = await checkCourse(courseDir);
  if (problems.length > 0 || course === undefined) throw new CourseError(problems);
  return course;
}

/** Every problem with courseDir/course.json, without throwing: syntax, then schema, then cross-references and media. */
export async function checkCourse(courseDir: string): Promise<CourseCheck> {
  const file = join(courseDir, COURSE_FILE_NAME);
  const read = await readJsonFile(file);
  if (read.value === undefined) return { course: undefined, problems: read.problems };
  // The later checks rely on the schema's shapes, so they wait for a clean schema check.
  const schemaProblems = checkAgainstSchema('course', read.value, file);
  // A value the schema already refuses is reported once, by the schema.
  const textProblems = checkText(read.value, file).filter((problem) => !schemaProblems.some((other) => other.pointer === problem.pointer));
  if (schemaProblems.length > 0) return { course: undefined, problems: [...read.problems, ...textProblems, ...schemaProblems] };
  const course = read.value as Course;
  const problems = [...read.problems, ...textProblems, ...crossCheckCourse(course, file), ...(await checkCourseMedia(course, courseDir, file))];
  // The content checks (outcomes, answer positions, sources, stated time, cue points) need a sound structure first.
  if (problems.length === 0) problems.push(...(await checkCourseContent(course, courseDir, file)));
  return { course, problems };
}
