// axe-core in a page or frame, for every browser test: injected from node_modules through the devtools protocol
// (evaluate), so no page asks for it, its requests stay as they were, and a page's CSP (no script at all) does not
// stop it. One line per violation: rule, impact and the elements.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

let axeSource: Promise<string> | null = null;

/** WCAG 2.x A and AA (2.2 included) plus axe's best practices: what the statement and the report are held to. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe.run's options beyond the defaults, e.g. `{ runOnly: { type: 'tag', values: WCAG_TAGS } }`. */
export async function axeViolations(target: Page | Frame, options: Record<string, unknown> = {}): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(await axeSource);
  return target.evaluate(async (options) => {
    type Result = { violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<Result> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'], ...options });
    return results.violations.map((v) => `${v.id} (${v.impact ?? 'no impact'}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, options);
}
