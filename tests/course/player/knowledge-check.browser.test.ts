// The knowledge check in Debian's Chromium, from the real player build (standalone: progress in this browser). One
// question at a time, each a heading; "Check your answer" moves focus to the feedback for the chosen option only and
// says nothing in the live region as well; a wrong answer is explained without naming the right one until the last
// attempt; below the pass mark the next attempt asks different questions; the questions and their options' order
// survive a reload; the result's sentences are separate ("You passed.Your score" run together was issue 18.8).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { KnowledgeCheckScreen } from '../../../course/model/types.ts';
import { stringsFor } from '../../../course/player/strings/index.ts';
import { hasChromium } from '../../support/chromium.ts';
import { loadCourse, runtimeConfig } from '../runtime/helpers/course-fixtures.ts';
import { playerInChromium } from './player-in-chromium.ts';

const course = loadCourse();
const t = stringsFor('en-GB');
const check = course.sections.flatMap((s) => s.screens).find((s): s is KnowledgeCheckScreen => s.type === 'knowledge-check')!;
const sectionTitle = course.sections.find((s) => s.screens.includes(check))!.title;

const chromium = playerInChromium((player) => {
  const config = `window.COMMON_GROUND = ${JSON.stringify(runtimeConfig('scorm12', 'private', course))};`;
  return (path) => (path === 'config.js' ? config : player.files.get(path));
});

interface Shown {
  questionId: string;
  heading: string | null;
  options: string[];
  checkButtons: number;
}

async function shown(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const inputs = [...document.querySelectorAll<HTMLInputElement>('form.question input.choice__input')];
    return {
      questionId: (inputs[0]?.name ?? '').replace(/^question-/, ''),
      heading: document.querySelector('form.question legend h2')?.textContent ?? null,
      options: inputs.map((input) => input.value),
      checkButtons: [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === 'Check your answer').length,
    };
  });
}

const question = (id: string) => check.questions.find((q) => q.id === id)!;

async function answer(page: Page, right: boolean): Promise<string> {
  const now = await shown(page);
  const q = question(now.questionId);
  const option = q.options.find((o) => o.correct === right)!;
  await page.locator(`input[name="question-${q.id}"][value="${option.id}"]`).check();
  await page.getByRole('button', { name: t.knowledge.check }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('feedback__title') === true);
  return option.id;
}

async function next(page: Page): Promise<void> {
  const last = await page.getByRole('button', { name: t.knowledge.seeResult }).count();
  await page.getByRole('button', { name: last ? t.knowledge.seeResult : t.knowledge.next }).click();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
}

describe.skipIf(!hasChromium)('the knowledge check, in Chromium', () => {
  it('asks one question at a time, gives feedback once, withholds the answer until the last attempt, and draws new questions per attempt', async () => {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${chromium.origin}/index.html`);
    await page.locator('#view-heading').waitFor();
    await page.getByRole('button', { name: new RegExp(sectionTitle) }).click();
    await page.locator('form.question').waitFor();

    // One question, as a heading, with one check button; the order survives a reload.
    const first = await shown(page);
    expect(first.heading).toBe(question(first.questionId).prompt);
    expect(first.checkButtons).toBe(1);
    await page.reload();
    await page.locator('form.question').waitFor();
    expect(await shown(page)).toEqual(first);

    const asked: string[][] = [];
    for (let attempt = 1; attempt <= check.attempts; attempt++) {
      const ids: string[] = [];
      for (let k = 0; k < check.questionsPerAttempt; k++) {
        const now = await shown(page);
        ids.push(now.questionId);
        const right = attempt === check.attempts ? k > 0 : k >= 2;
        const chosen = await answer(page, right);
        const q = question(now.questionId);
        const feedback = await page.locator('.feedback').innerText();
        // Only the chosen option's feedback, never every option's.
        expect(feedback).toContain(q.options.find((o) => o.id === chosen)!.feedback);
        for (const other of q.options.filter((o) => o.id !== chosen)) expect(feedback).not.toContain(other.feedback);
        if (!right) {
          const best = q.options.find((o) => o.correct)!.text;
          if (attempt < check.attempts) {
            expect(feedback, 'the right answer is withheld while attempts remain').not.toContain(best);
            expect(feedback).toContain(t.knowledge.notYet);
          } else {
            expect(feedback, 'the last attempt shows the right answer').toContain(t.knowledge.bestAnswer(best));
          }
        }
        // Focus moved; nothing was also said in the live region.
        await page.waitForTimeout(250);
        expect(await page.locator('[aria-live="polite"]').innerText()).toBe('');
        await next(page);
      }
      asked.push(ids);
      const result = await page.locator('section.result').innerText();
      expect(result).toContain(t.knowledge.passMark(course.completion.passMark));
      // Each sentence of the result stands apart: no "You passed.Your score".
      expect(await page.locator('section.result .callout').innerText()).not.toMatch(/[.%)]\p{L}/u);
      if (attempt < check.attempts) {
        expect(result).toContain(t.knowledge.notPassedRetake(check.attempts - attempt));
        await page.getByRole('button', { name: t.knowledge.retake(attempt + 1, check.attempts) }).click();
        await page.waitForFunction(() => document.activeElement?.classList.contains('fieldset__heading') === true);
      } else {
        // 4 of 5 on the last attempt: passed, and the review shows each question's explanation.
        expect(result).toContain(t.knowledge.passed);
        for (const id of ids) expect(result).toContain(question(id).explanation!);
      }
    }
    // A retake is not a replay.
    expect(new Set(asked.flat()).size).toBe(asked.flat().length);
    expect(errors).toEqual([]);
    await page.close();
  });
});
