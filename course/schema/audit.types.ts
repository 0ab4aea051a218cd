// Generated from course/schema/audit.schema.json by `npm run generate-types` (build/course/schema-types.ts). Do not edit:
// change the schema and run the command again (a test fails while this file is stale).

/** course/content/accessibility/audit.json: how the course was last tested for accessibility and what is known not to meet the standard. The build turns it, with each variant's contacts, into the accessibility statement. tests/build/accessibility-audit.test.ts fails when it no longer matches the project (tool versions, frame widths, screen types). */
export interface AccessibilityAudit {
  /** Relative path to this schema, for editors. */
  $schema: string;
  /** The standard tested against. */
  standard: 'WCAG 2.2 AA';
  /** When the course was last tested (YYYY-MM-DD). */
  testedOn: string;
  /** The tools used, with the exact versions. */
  tools: {
    /** e.g. "axe-core". */
    name: string;
    /** The exact version used, e.g. "4.14.1". */
    version: string;
    /** What it was used for. */
    purpose: string;
  }[];
  /** How the course was tested, one sentence each. */
  methods: string[];
  /** Widths of the course frame tested, in CSS pixels. */
  widths: number[];
  /** Screen types of the course covered by the testing. */
  screenTypes: ('welcome' | 'film' | 'scenario' | 'knowledge-check' | 'reflection' | 'voices' | 'confidence' | 'summary')[];
  /** Content known not to meet the standard; empty when none is known. Any entry makes the statement say "partially compliant". */
  knownIssues: {
    /** What does not work, for whom, in plain words. */
    description: string;
    /** WCAG success criteria it fails, e.g. "1.4.3 Contrast (Minimum)". */
    criteria: string[];
    /** What will be done about it, and when. */
    plannedFix?: string;
  }[];
  /** What the testing did not cover (stated in the statement so nobody reads more into it). */
  limitations: string[];
  /** Dates of the statement itself. */
  statement: {
    /** When the statement was first prepared. */
    preparedOn: string;
    /** When it was last reviewed. */
    reviewedOn: string;
  };
}
