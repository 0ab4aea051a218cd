import { describe, expect, it } from 'vitest';
import { indexQuestions } from '../../../tools/report/course-questions.ts';
import { LearnerTally } from '../../../tools/report/learner-tally.ts';
import { renderReportCsv } from '../../../tools/report/render-csv.ts';
import { renderReportHtml } from '../../../tools/report/render-html.ts';
import { OTHER_GROUP, planGroups, planMeasure } from '../../../tools/report/small-groups.ts';
import { summarise } from '../../../tools/report/summary.ts';
import { COURSE } from '../../fixtures/report/journeys.ts';

const sizes = (entries: [string, number][]) => new Map(entries);

describe('planGroups', () => {
  it('shows groups of five or more and combines the rest', () => {
    const plan = planGroups(sizes([['A', 9], ['B', 5], ['C', 3], ['D', 2]]));
    expect(plan).toEqual({ shown: ['A', 'B'], small: ['C', 'D'], addedToOther: [], otherSize: 5, allSuppressed: false });
  });

  it('adds the smallest shown group to a combined group under five, so nothing can be worked out by subtraction', () => {
    const plan = planGroups(sizes([['A', 9], ['B', 6], ['C', 3]]));
    expect(plan.shown).toEqual(['A']);
    expect(plan.addedToOther).toEqual(['B']);
    expect(plan.otherSize).toBe(9);
  });

  it('keeps adding until the combined group reaches five', () => {
    const plan = planGroups(sizes([['A', 5], ['B', 5], ['C', 1]]), 12);
    expect(plan.shown).toEqual([]);
    expect(plan.otherSize).toBe(11);
    expect(plan.allSuppressed).toBe(true);
  });

  it('suppresses everything when fewer than five people in all', () => {
    expect(planGroups(sizes([['A', 4]])).allSuppressed).toBe(true);
    expect(planGroups(sizes([['A', 2], ['B', 2]]))).toMatchObject({ shown: [], otherSize: 4, allSuppressed: true });
  });

  it('does not depend on the order the groups came in', () => {
    const a = planGroups(sizes([['X', 3], ['Y', 7], ['Z', 3]]));
    const b = planGroups(sizes([['Z', 3], ['X', 3], ['Y', 7]]));
    expect(a).toEqual(b);
  });
});

describe('planMeasure: a figure that counts only part of each team', () => {
  it('withholds a team where fewer than five are counted, and the next smallest with it, so the total cannot give it away', () => {
    const plan = planMeasure(sizes([['A', 9], ['B', 6], ['C', 3]]));
    expect([...plan.withheld].sort()).toEqual(['B', 'C']);
    expect(plan.totalWithheld).toBe(false);
  });

  it('withholds nothing when every team counts five or more, and the total when all together count fewer', () => {
    expect(planMeasure(sizes([['A', 5], ['B', 7]]))).toEqual({ withheld: new Set(), totalWithheld: false });
    expect(planMeasure(sizes([['A', 2], ['B', 1]])).totalWithheld).toBe(true);
    // Nobody counted anywhere: nothing to hide (the figure is "none yet", not withheld).
    expect(planMeasure(sizes([['A', 0], ['B', 0]]))).toEqual({ withheld: new Set(), totalWithheld: false });
  });
});

describe('a report for fewer than five people', () => {
  const index = indexQuestions(COURSE);
  const tally = new LearnerTally(index.questions.length);
  const scenario = index.questions.find((q) => q.kind === 'scenario')!;
  for (const key of ['a', 'b', 'c', 'd']) {
    const r = tally.learner(key);
    tally.setGroup(r, 'Ward 9', 1);
    tally.activity(r, 1, 'reg');
    tally.completed(r, Date.UTC(2024, 4, 6));
    tally.answered(r, scenario.index, 1, 1);
  }
  const data = summarise(tally, index, { source: { kind: 'lrs', description: 'test' }, groupField: 'team', timezone: 'Europe/London', passMark: 80, listsNonStarters: false, now: new Date(0) });

  it('shows no figure at all, and says why', () => {
    expect(data.suppressedAll).toBe(true);
    expect(data.groups).toEqual([]);
    expect(data.questions.every((q) => q.suppressed && q.choices.every((c) => c.count === 0))).toBe(true);
    const html = renderReportHtml(data);
    expect(html).toContain('Not enough learners yet');
    expect(html).toContain('Fewer than 5 people have started the course in all');
    expect(html).not.toContain('Ward 9');
    expect(renderReportCsv(data)).toBe(
      '\ufeffsection,team,item_id,item,option_id,option,measure,value,note\r\nsummary,,,,,,minimum_group_size,5,\r\nsummary,,,,,,learners,,"withheld: fewer than 5 in all, so no figures are shown"\r\n',
    );
  });

  it('withholds a question answered by fewer than five among many learners', () => {
    const big = new LearnerTally(index.questions.length);
    for (let i = 0; i < 8; i++) {
      const r = big.learner(`p${i}`);
      big.activity(r, 1, '');
      if (i < 4) big.answered(r, scenario.index, 2, 1);
    }
    const summary = summarise(big, index, { source: { kind: 'lrs', description: 'test' }, groupField: 'team', timezone: 'UTC', passMark: 80, listsNonStarters: false });
    const q = summary.questions.find((x) => x.id === scenario.id)!;
    expect(q).toMatchObject({ respondents: 4, suppressed: true });
    expect(q.choices.every((c) => c.count === 0 && c.share === 0)).toBe(true);
    expect(summary.groups.map((g) => g.name)).toEqual(['(no team recorded)']);
    expect(OTHER_GROUP).toBe('Other (small groups)');
  });
});
