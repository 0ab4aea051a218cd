// What the course leaves in the browser: a shared PC must keep nothing of the learner's once the LMS has it all. Reads
// localStorage of every origin the browser context holds, and sessionStorage of every frame still open, keeping the
// course's own entries ("common-ground:…").
import type { Page } from 'playwright-core';

const OURS = 'common-ground:';

export async function leftInBrowser(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const origin of (await page.context().storageState()).origins) {
    for (const entry of origin.localStorage) if (entry.name.startsWith(OURS)) found.push(`localStorage ${origin.origin} ${entry.name}`);
  }
  for (const frame of page.frames()) {
    const keys = await frame
      .evaluate((prefix) => Object.keys(sessionStorage).filter((key) => key.startsWith(prefix)), OURS)
      .catch(() => [] as string[]);
    for (const key of keys) found.push(`sessionStorage ${new URL(frame.url()).origin} ${key}`);
  }
  return [...new Set(found)];
}
