// config.js: what one package knows about itself (standard, variant settings, the course data: in a package, the
// shell build/course-parts.ts makes, with where its parts are), loaded by
// index.html as a classic script before the player so it works from any LMS path without a fetch.
import type { Course, RuntimeConfig, StandardId, Variant } from '../course/model/types.ts';

export function runtimeConfig(standard: StandardId, course: Course, variant: Variant): RuntimeConfig {
  const { $schema: _courseSchema, ...courseData } = course;
  const { $schema: _variantSchema, standards: _standards, ...variantSettings } = variant;
  return {
    standard,
    build: { courseVersion: course.version, variant: variant.id },
    variant: variantSettings,
    course: courseData,
  };
}

export function configScript(config: RuntimeConfig): string {
  // JSON is valid JavaScript; "<" is escaped so the text stays inert even if someone inlines it into HTML.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `// Written by the Common Ground build: this package's standard, variant settings and course data.\nwindow.COMMON_GROUND = ${json};\n`;
}
