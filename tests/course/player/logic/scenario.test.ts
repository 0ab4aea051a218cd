import { describe, expect, it } from 'vitest';
import { choose, replayPath, scenarioInteractionId } from '../../../../course/player/logic/scenario.ts';
import type { ScenarioScreen } from '../../../../course/model/types.ts';
import { fixtureCourse } from '../fixture-course.ts';

const scenario = fixtureCourse().sections[2]?.screens[0] as ScenarioScreen;

describe('replayPath', () => {
  it('starts at the start step', () => {
    const progress = replayPath(scenario, []);
    expect(progress.current?.id).toBe('s1');
    expect(progress.ended).toBe(false);
  });

  it('follows each choice to its next step and ends on null', () => {
    const progress = replayPath(scenario, [
      ['s1', 'anxiety'],
      ['s2', 'kind'],
    ]);
    expect(progress.taken.map((t) => t.choice.id)).toEqual(['anxiety', 'kind']);
    expect(progress.current).toBeNull();
    expect(progress.ended).toBe(true);
  });

  it('branches: a choice can end the scenario early', () => {
    expect(replayPath(scenario, [['s1', 'wait']]).ended).toBe(true);
  });

  it('stops at the first pair that no longer fits the course', () => {
    const progress = replayPath(scenario, [
      ['s1', 'rule-out'],
      ['s2', 'gone'],
    ]);
    expect(progress.taken).toHaveLength(1);
    expect(progress.current?.id).toBe('s2');
    expect(replayPath(scenario, [['s2', 'kind']]).taken).toHaveLength(0);
  });
});

describe('choose', () => {
  it('appends a valid choice at the current step, with the step it answered and whether it ended the scenario', () => {
    const first = choose(scenario, [], 'rule-out');
    expect(first.path).toEqual([['s1', 'rule-out']]);
    expect(first.taken?.step.id).toBe('s1');
    expect(first.taken?.choice.id).toBe('rule-out');
    expect(first.ended).toBe(false);
    const last = choose(scenario, first.path, 'silent');
    expect(last.path).toEqual([
      ['s1', 'rule-out'],
      ['s2', 'silent'],
    ]);
    expect(last.taken?.step.id).toBe('s2');
    expect(last.ended).toBe(true);
    expect(choose(scenario, [], 'wait').ended).toBe(true);
  });

  it('ignores a choice that is not offered, or any choice after the end', () => {
    expect(choose(scenario, [], 'kind')).toEqual({ path: [], taken: null, ended: false });
    expect(choose(scenario, [['s1', 'wait']], 'kind')).toEqual({ path: [['s1', 'wait']], taken: null, ended: true });
  });

  it('drops pairs that no longer fit the course before choosing', () => {
    const chosen = choose(scenario, [['s1', 'rule-out'], ['s2', 'gone']], 'kind');
    expect(chosen.path).toEqual([
      ['s1', 'rule-out'],
      ['s2', 'kind'],
    ]);
    expect(chosen.taken?.choice.id).toBe('kind');
  });

  it('names interactions by screen and step', () => {
    expect(scenarioInteractionId(scenario, scenario.steps[1]!)).toBe('scenario-ed.s2');
  });
});
