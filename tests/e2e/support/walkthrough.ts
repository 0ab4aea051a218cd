// The data-driven walk through the course with the keyboard: for each screen type it knows which keys answer it, from
// the course data and the learner's plan, and what the screen shows once the course has taken the answer. A hook runs
// at every step of the walk (each screen, and each state of it that shows something new) for the accessibility check.
import type { Frame, Page } from 'playwright-core';
import type { Course, FilmScreen, KnowledgeCheckScreen, ConfidenceScreen, Question, ReflectionScreen, ScenarioScreen, Screen, SummaryScreen } from '../../../course/model/types.ts';
import { stringsFor, type Strings } from '../../../course/player/strings/index.ts';
import { KeyboardLearner, describe, type Focused } from './keyboard.ts';
import { ratingsPassedThrough, rightAnswer, wrongAnswer, type LearnerPlan } from './plan.ts';

/**
 * Speed the film plays at. video.js's menu offers up to 2×; the media element itself is set faster by script (a
 * setting, not an input: the learner still starts and resumes the film with the keyboard). Time at any speed is played
 * time: the course's tracker credits steps up to 2 × rate seconds between timeupdates.
 */
export const FILM_RATE = 8;
/** Replays allowed when a run at speed falls short of the watched threshold (stalls at high rates lose a few seconds). */
const MAX_FILM_REPLAYS = 2;

export interface WalkHooks {
  /** A step of the walk: the screen (or a new state of it) is settled and can be checked. */
  onStep?(label: string, walker: CourseWalker): Promise<void>;
}

export interface FilmRun {
  /** Times the learner started the film again because the first run fell short of the threshold. */
  replays: number;
}

export class CourseWalker {
  readonly t: Strings;
  readonly learner: KeyboardLearner;
  private cachedFrame: Frame | null = null;
  readonly film: FilmRun = { replays: 0 };

  constructor(
    readonly page: Page,
    readonly course: Course,
    readonly plan: LearnerPlan,
    private readonly hooks: WalkHooks = {},
    /** The LMS page's frame the course is in: the preview LMS's, or a test page's own. */
    private readonly frameSelector = '#course-frame',
    /** The language of the player's words (a variant may name one: the pseudo-locale). */
    language = course.language,
  ) {
    this.t = stringsFor(language);
    this.learner = new KeyboardLearner(page, () => this.frame());
  }

  /** The course frame (the LMS page's #course-frame, or frameSelector), looked up again if it went away. */
  async frame(): Promise<Frame> {
    if (this.cachedFrame && !this.cachedFrame.isDetached()) return this.cachedFrame;
    const handle = await this.page.waitForSelector(this.frameSelector, { state: 'attached' });
    const frame = await handle.contentFrame();
    if (!frame) throw new Error('the LMS page has no course frame');
    this.cachedFrame = frame;
    return frame;
  }

  screens(): Screen[] {
    return this.course.sections.flatMap((section) => section.screens);
  }

  /** Wait for the course to show a screen (after a launch), then Tab from the LMS page into the course. */
  async enterCourse(expectedTitle: string): Promise<void> {
    await this.waitForScreen(expectedTitle, false);
    await this.learner.tabTo('the course frame', () => true);
  }

  /** Complete every screen from the one shown now to the end, pressing Next between them. */
  async walkFrom(screenId: string): Promise<void> {
    const screens = this.screens();
    for (let i = screens.findIndex((screen) => screen.id === screenId); i < screens.length; i++) {
      const screen = screens[i]!;
      await this.complete(screen);
      const next = screens[i + 1];
      if (next) await this.next(next);
    }
  }

  async step(label: string): Promise<void> {
    await this.hooks.onStep?.(label, this);
  }

  async complete(screen: Screen): Promise<void> {
    await this.waitForReady(screen);
    await this.step(`${screen.id} (${screen.type})`);
    switch (screen.type) {
      case 'confidence':
        return this.rateConfidence(screen);
      case 'film':
        return this.watchFilm(screen);
      case 'scenario':
        return this.playScenario(screen, this.plan.scenarios[screen.id] ?? []);
      case 'knowledge-check':
        return this.takeCheck(screen);
      case 'reflection':
        return this.writeReflections(screen);
      case 'summary':
        return this.finish(screen);
      case 'welcome':
        return this.visitResources(screen);
      case 'voices':
        return;
    }
  }

  /**
   * The resource pages (supervision guide, glossary, references), from their links on the welcome screen: each
   * opens in place of the course, is checked like any step, and "Back to the course" returns to the welcome screen.
   */
  async visitResources(welcome: Screen): Promise<void> {
    const pages: [string, string][] = [
      [this.t.resources.link.guide, this.course.supervisionGuide.title],
      [this.t.resources.link.glossary, this.t.resourcePages.glossaryTitle],
      [this.t.resources.link.references, this.t.resourcePages.referencesTitle],
    ];
    for (const [link, title] of pages) {
      await this.learner.activateButton(link);
      await this.waitForScreen(title, true);
      if (title === this.course.supervisionGuide.title) {
        // The chapter list comes from chapters.vtt: wait for it so the check sees the page as a learner does.
        await this.learner.waitInFrame((loading) => !document.body.textContent?.includes(loading), this.t.guide.chaptersLoading);
      }
      await this.step(`resource page: ${title}`);
      await this.learner.activateButton(this.t.exportPage.backToCourse);
      await this.waitForScreen(welcome.title, true);
    }
  }

  /** Tab to Next and press Enter; the next screen's heading takes focus. */
  async next(upcoming: Screen): Promise<void> {
    await this.learner.tabTo('Next', (f) => f.tag === 'button' && f.className.includes('pagination__next'));
    await this.learner.press('Enter');
    await this.waitForScreen(upcoming.title, true);
  }

  /** The heading shows `title` (and, after a move, has focus: the player moves focus to every new screen's heading). */
  async waitForScreen(title: string, focused: boolean): Promise<void> {
    await this.learner.waitInFrame(
      ({ title, focused }) => {
        const heading = document.getElementById('view-heading');
        return heading?.textContent?.trim() === title && (!focused || document.activeElement === heading);
      },
      { title, focused },
    );
  }

  /**
   * Go to a section with the keyboard: at narrow widths through the "Sections" button (the menu opens below it), at
   * wide ones forwards to the menu column, which comes after the page in the document (its h1 is the first heading).
   */
  async goToSection(sectionTitle: string, landsOn: Screen): Promise<void> {
    const frame = await this.frame();
    const toggle = await frame.evaluate(() => {
      const button = document.querySelector('.header__menu-toggle');
      return button && getComputedStyle(button).display !== 'none' ? { expanded: button.getAttribute('aria-expanded') === 'true' } : null;
    });
    const isLink = (f: Focused) => f.tag === 'button' && f.className.includes('section-menu__link') && f.text.startsWith(sectionTitle);
    if (toggle) {
      await this.learner.tabTo('the Sections button', (f) => f.tag === 'button' && f.className.includes('header__menu-toggle'), { backwards: true });
      if (!toggle.expanded) await this.learner.press('Enter');
      await this.learner.tabTo(`the "${sectionTitle}" section`, isLink);
    } else {
      await this.learner.tabTo(`the "${sectionTitle}" section`, isLink);
    }
    await this.learner.press('Enter');
    await this.waitForScreen(landsOn.title, true);
  }

  private async waitForReady(screen: Screen): Promise<void> {
    const ready: Record<Screen['type'], string> = {
      welcome: '.card',
      confidence: '.choice__input',
      film: '.vjs-play-control',
      scenario: '.scenario-steps',
      'knowledge-check': '.question',
      reflection: 'textarea',
      voices: '.voice',
      summary: '.callout',
    };
    await this.learner.waitInFrame((selector) => document.querySelector(selector) !== null, ready[screen.type]);
    if (screen.type === 'film') {
      await this.learner.waitInFrame(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null);
    }
  }

  // --- confidence -------------------------------------------------------------------------------------------------

  /** Rate every item: Tab lands on an unrated scale's first point; Space or arrows choose (see ratingsPassedThrough). */
  async rateConfidence(screen: ConfidenceScreen): Promise<void> {
    for (const item of this.course.confidence.items) {
      const rating = this.plan.confidence[screen.phase][item.id]!;
      const name = `${screen.id}-${item.id}`;
      const landed = await this.learner.tabTo(`the rating scale for ${item.id}`, (f) => f.tag === 'input' && f.name === name);
      if (landed.checked || !landed.id.endsWith('--1')) throw new Error(`Tab into an unrated scale should land on its first point, not ${describe(landed)}`);
      const passed = ratingsPassedThrough(rating);
      if (passed.length === 1 && passed[0] === 1) await this.learner.press('Space');
      else for (let i = 0; i < passed.length; i++) await this.learner.press('ArrowDown');
      await this.waitChecked(name, String(rating));
    }
    await this.step(`${screen.id}: rated`);
  }

  private async waitChecked(name: string, value: string): Promise<void> {
    await this.learner.waitInFrame(
      ({ name, value }) => (document.querySelector(`input[name="${name}"][value="${value}"]`) as HTMLInputElement | null)?.checked === true,
      { name, value },
    );
  }

  // --- choice groups and questions --------------------------------------------------------------------------------

  /**
   * Make a radio or checkbox group show `wanted`. Radios: Tab lands on the chosen radio (or the first when none is),
   * Space chooses the focused one, arrows move and choose. Checkboxes: each is a stop; Space toggles.
   */
  private async choose(name: string, type: 'radio' | 'checkbox', optionIds: readonly string[], wanted: readonly string[], backwards: boolean): Promise<void> {
    const inGroup = (f: Focused) => f.tag === 'input' && f.name === name;
    const landed = await this.learner.tabTo(`the choices "${name}"`, inGroup, { backwards });
    if (type === 'radio') {
      const target = optionIds.indexOf(wanted[0]!);
      const at = optionIds.findIndex((id) => landed.id.endsWith(`--${id}`));
      if (target === at && !landed.checked) await this.learner.press('Space');
      for (let i = at; i < target; i++) await this.learner.press('ArrowDown');
      for (let i = at; i > target; i--) await this.learner.press('ArrowUp');
      await this.waitChecked(name, wanted[0]!);
      return;
    }
    // Checkboxes: go to the first, then forward through all of them.
    let current = landed;
    while (!current.id.endsWith(`--${optionIds[0]}`)) current = await this.learner.tabTo('the previous checkbox', inGroup, { backwards: true, fromHere: false });
    for (let i = 0; i < optionIds.length; i++) {
      if (i > 0) current = await this.learner.tabTo('the next checkbox', inGroup, { fromHere: false });
      const id = optionIds[i]!;
      if (!current.id.endsWith(`--${id}`)) throw new Error(`expected the checkbox for ${id}, focus is on ${describe(current)}`);
      if (current.checked !== wanted.includes(id)) await this.learner.press('Space');
    }
  }

  /** Answer a question (knowledge check or film) through every attempt the plan gives it. */
  async answerQuestion(question: Question, label: string): Promise<void> {
    const name = `question-${question.id}`;
    const optionIds = question.options.map((option) => option.id);
    const attempts = this.plan.attempts[question.id] ?? [];
    const max = this.course.limits.maxAttemptsPerQuestion;
    for (const [index, answer] of attempts.entries()) {
      await this.choose(name, question.kind === 'single' ? 'radio' : 'checkbox', optionIds, answer, index > 0);
      await this.learner.activateButton(this.t.question.check);
      const correct = sameSet(answer, question.options.filter((o) => o.correct).map((o) => o.id));
      const settled = correct || index + 1 >= max;
      if (settled) {
        // The check button goes; focus moves to the feedback heading of this question.
        await this.learner.waitInFrame(
          (name) => document.activeElement?.classList.contains('feedback__title') === true && document.activeElement.closest('form')?.querySelector(`input[name="${name}"]`) !== null,
          name,
        );
      } else {
        await this.learner.waitInFrame(
          ({ name, text }) => document.querySelector(`input[name="${name}"]`)?.closest('form')?.querySelector('.feedback')?.textContent?.includes(text) === true,
          { name, text: this.t.question.attemptsLeft(max - index - 1) },
        );
      }
      await this.step(`${label}: attempt ${index + 1} ${correct ? 'right' : 'wrong'}`);
    }
  }

  // --- screens ----------------------------------------------------------------------------------------------------

  /** Take the path's choices from step `from` (0-based; the earlier ones already taken) up to step `to`. */
  async playScenario(screen: ScenarioScreen, path: readonly string[], to = path.length, from = 0): Promise<void> {
    let stepId: string | null = screen.start;
    for (const [index, choiceId] of path.slice(0, to).entries()) {
      const step = screen.steps.find((candidate) => candidate.id === stepId)!;
      if (index < from) {
        stepId = step.choices.find((c) => c.id === choiceId)!.next;
        continue;
      }
      const name = `scenario-${screen.id}-${step.id}`;
      await this.choose(name, 'radio', step.choices.map((c) => c.id), [choiceId], false);
      await this.learner.activateButton(this.t.scenario.choose);
      // The outcome of the step just taken gets focus.
      await this.learner.waitInFrame(
        (taken) => document.querySelectorAll('.scenario-step--taken').length === taken && document.activeElement?.classList.contains('outcome__title') === true,
        index + 1,
      );
      await this.step(`${screen.id}: step ${index + 1} taken`);
      stepId = step.choices.find((c) => c.id === choiceId)!.next;
    }
  }

  /**
   * The knowledge check, one question at a time: the questions each attempt asks (and their options' order) follow
   * from the learner's seed, so the walk reads them from the page and records them in plan.asked. The first answers
   * of an attempt are wrong as the plan says; then the result, and the next attempt while the plan has one.
   */
  private async takeCheck(screen: KnowledgeCheckScreen): Promise<void> {
    const perAttempt = Math.min(screen.questionsPerAttempt, screen.questions.length);
    for (const [index, wrong] of this.plan.wrongPerAttempt.entries()) {
      const attempt = index + 1;
      const asked: LearnerPlan['asked'][number] = [];
      for (let k = 0; k < perAttempt; k++) {
        const frame = await this.frame();
        const shown = await frame.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('form.question input.choice__input')].map((input) => ({ name: input.name, value: input.value })));
        const name = shown[0]?.name ?? '';
        const question = screen.questions.find((q) => `question-${q.id}` === name);
        if (!question) throw new Error(`the knowledge check shows no question of its bank (inputs named "${name}")`);
        const wanted = k < wrong ? wrongAnswer(question, 0) : rightAnswer(question);
        await this.choose(name, question.kind === 'single' ? 'radio' : 'checkbox', shown.map((input) => input.value), wanted, false);
        await this.learner.activateButton(this.t.knowledge.check);
        // One event, one focus move: to this question's feedback.
        await this.learner.waitInFrame(
          (name) => document.activeElement?.classList.contains('feedback__title') === true && document.activeElement.closest('form')?.querySelector(`input[name="${name}"]`) !== null,
          name,
        );
        asked.push({ questionId: question.id, answer: question.options.map((o) => o.id).filter((id) => wanted.includes(id)) });
        // The feedback of a wrong and of a right answer, once each: later questions are the same page with other words.
        if (k === 0 || k === wrong) await this.step(`${screen.id}: attempt ${attempt}, question ${k + 1} ${k < wrong ? 'wrong' : 'right'}`);
        const last = k === perAttempt - 1;
        await this.learner.activateButton(last ? this.t.knowledge.seeResult : this.t.knowledge.next);
        if (last) await this.learner.waitInFrame(() => document.activeElement?.id === 'check-result-heading', null);
        else await this.learner.waitInFrame((name) => document.activeElement?.tagName === 'H2' && document.querySelector(`input[name="${name}"]`) === null, name);
      }
      this.plan.asked.push(asked);
      await this.step(`${screen.id}: attempt ${attempt} result`);
      if (index < this.plan.wrongPerAttempt.length - 1) {
        await this.learner.activateButton(this.t.knowledge.retake(attempt + 1, screen.attempts));
        await this.learner.waitInFrame(() => document.activeElement?.classList.contains('fieldset__heading') === true, null);
      }
    }
  }

  async writeReflections(screen: ReflectionScreen): Promise<void> {
    for (const prompt of screen.prompts) {
      const text = this.plan.reflections[prompt.id] ?? '';
      const id = `reflection-${prompt.id}`;
      await this.learner.tabTo(`the reflection box ${prompt.id}`, (f) => f.tag === 'textarea' && f.id === id);
      await this.learner.type(text);
      await this.learner.waitInFrame(({ id, text }) => (document.getElementById(id) as HTMLTextAreaElement | null)?.value === text, { id, text });
    }
    await this.step(`${screen.id}: written`);
    // "Export my reflections": the printable page must show exactly what was typed.
    await this.learner.activateButton(this.t.reflection.export);
    await this.waitForScreen(this.t.exportPage.title, true);
    const shown = await (await this.frame()).evaluate(() => [...document.querySelectorAll('.reflection-answer__text')].map((p) => p.textContent ?? ''));
    const typed = screen.prompts.map((prompt) => this.plan.reflections[prompt.id] ?? '');
    if (JSON.stringify(shown) !== JSON.stringify(typed)) throw new Error(`the reflections page shows ${JSON.stringify(shown)}, the learner typed ${JSON.stringify(typed)}`);
    await this.step(`${screen.id}: export page`);
    await this.learner.activateButton(this.t.exportPage.backToCourse);
    await this.waitForScreen(screen.title, true);
  }

  private async watchFilm(screen: FilmScreen): Promise<void> {
    const frame = await this.frame();
    await frame.evaluate((rate) => {
      const video = document.querySelector('video')!;
      video.defaultPlaybackRate = rate;
      video.playbackRate = rate;
    }, FILM_RATE);
    await this.learner.tabTo('the play button', (f) => f.tag === 'button' && f.className.includes('vjs-play-control'));
    await this.learner.press('Enter');
    const cues = [...this.course.film.cuePoints].sort((a, b) => a.at - b.at);
    let asked = 0;
    for (;;) {
      const state = await this.filmState(frame);
      if (state === 'question') {
        const cue = cues[asked++];
        if (!cue) throw new Error('the film asked more questions than the course has');
        await this.step(`${screen.id}: question ${asked} shown`);
        await this.answerQuestion(cue.question, `${screen.id}/${cue.id}`);
        await this.learner.activateButton(this.t.film.continueWatching);
        await this.learner.waitInFrame(() => document.querySelector('#cue-question-heading') === null && document.querySelector('video')?.paused === false, null);
        continue;
      }
      if (state === 'ended-watched') break;
      if (this.film.replays >= MAX_FILM_REPLAYS) throw new Error('the film ended without reaching its watched threshold, even after replays');
      // Short of the threshold: play it again; the ranges played before still count.
      this.film.replays++;
      await this.learner.tabTo('the play button', (f) => f.tag === 'button' && f.className.includes('vjs-play-control'));
      await this.learner.press('Enter');
      await this.learner.waitInFrame(() => document.querySelector('video')?.paused === false, null);
    }
    if (asked !== cues.length) throw new Error(`the film asked ${asked} of its ${cues.length} questions`);
    await this.step(`${screen.id}: watched`);
  }

  /** Wait until the film stops: at a question (its heading focused), or at the end (watched enough, or not). */
  private async filmState(frame: Frame): Promise<'question' | 'ended-watched' | 'ended-short'> {
    const done = this.t.film.watchedDone;
    const handle = await frame.waitForFunction(
      (done) => {
        const video = document.querySelector('video');
        const marks = window as unknown as { e2eEndedAt?: number };
        if (document.activeElement?.id === 'cue-question-heading') return 'question';
        if (!video?.ended) {
          delete marks.e2eEndedAt;
          return false;
        }
        if (document.querySelector('.film-progress')?.textContent?.includes(done)) return 'ended-watched';
        // The screen renders the final progress a moment after "ended": only call it short once that has had time.
        marks.e2eEndedAt ??= performance.now();
        return performance.now() - marks.e2eEndedAt > 1000 ? 'ended-short' : false;
      },
      done,
      { timeout: 120_000, polling: 100 },
    );
    return (await handle.jsonValue()) as 'question' | 'ended-watched' | 'ended-short';
  }

  /** The certificate (viewed, then back), then "Finish the course". */
  private async finish(screen: SummaryScreen): Promise<void> {
    await this.learner.activateButton(this.t.summary.viewCertificate);
    await this.waitForScreen(this.t.certificate.title, true);
    await this.step(`${screen.id}: certificate`);
    await this.learner.activateButton(this.t.certificate.backToCourse);
    await this.waitForScreen(screen.title, true);
    await this.learner.activateButton(this.t.summary.finish);
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
