// The course data by section (issue 16), from the real build in the preview LMS: the welcome screen comes with the
// course's shell alone and the player fetches one section ahead, no further; with the connection gone, a section
// that has come is still shown, one that has not says so and comes with "Try again" once the connection is back.
import type { Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Section } from '../../course/model/types.ts';
import { hasChromium } from '../support/chromium.ts';
import { browserAndPackages } from './support/suite.ts';
import { openScenario } from './support/scenario.ts';
import { until } from './support/until.ts';

const suite = browserAndPackages();

/** The first line of a section's first screen's body: words only its part carries. */
const opening = (section: Section): string => (section.screens[0]!.body ?? '').split('\n')[0]!.slice(0, 60);

async function openSection(frame: Frame, section: Section): Promise<void> {
  await frame.locator('.section-menu__link:visible', { hasText: section.title }).click();
}

describe.skipIf(!hasChromium)('the course data by section, in the preview LMS', () => {
  it.each(['scorm12', 'cmi5'] as const)('%s: one section ahead, and what has come stays when the connection goes', async (standard) => {
    const scenario = await openScenario(suite.browser, standard, suite.packages.zipOf(standard));
    try {
      const frame = await scenario.walker.frame();
      await frame.waitForSelector('.pagination__next');
      const { course } = scenario.config;
      const parts = async (): Promise<string[]> =>
        scenario.requests.requests.filter((r) => r.url.includes('/content/course/')).map((r) => r.url.replace(/^.*\/content\//, ''));
      // On the welcome screen: the course's structure, the next section's part and the resources, nothing further.
      await until(parts, (asked) => asked.includes('course/section-1.js') && asked.includes('course/resources.js'), 'the part one section ahead');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect([...new Set(await parts())].sort()).toEqual(['course/resources.js', 'course/section-1.js', 'course/structure.js']);

      const voices = course.sections.find((section) => section.screens[0]!.type === 'voices')!;
      const ahead = course.sections[1]!;
      expect(opening(voices).length).toBeGreaterThan(20);
      await scenario.context.setOffline(true);
      // A section whose part never came cannot be shown: the learner is told, and nothing of it appears.
      await openSection(frame, voices);
      await frame.getByText('This part of the course could not be loaded').waitFor();
      expect(await frame.getByText(opening(voices)).count()).toBe(0);
      // The one fetched ahead is there without the network.
      await openSection(frame, ahead);
      await frame.getByText(opening(ahead)).waitFor();
      // Back to the missing one, still offline: told again. Back online, "Try again" brings it, words and all.
      await openSection(frame, voices);
      await frame.getByText('This part of the course could not be loaded').waitFor();
      await scenario.context.setOffline(false);
      await frame.getByRole('button', { name: 'Try again' }).click();
      await frame.getByText(opening(voices)).waitFor();
      expect(await parts()).toContain(`course/section-${course.sections.indexOf(voices)}.js?attempt=3`);
      expect(scenario.pageErrors).toEqual([]);
    } finally {
      await scenario.dispose();
    }
  }, 180_000);
});
