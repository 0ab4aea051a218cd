// The scenario graph rules on their own: unknown start, dangling next, unreachable steps, loops with no exit.
import { describe, expect, it } from 'vitest';
import { analyseScenario } from '../../../build/course/index.ts';

/** A scenario from a compact description: step id → the `next` of each of its choices. */
function scenario(start: string, steps: Record<string, (string | null)[]>) {
  return {
    start,
    steps: Object.entries(steps).map(([id, nexts]) => ({
      id,
      situation: 's',
      question: 'q',
      choices: nexts.map((next, index) => ({ id: `c${index}`, text: 't', quality: 'helpful' as const, consequence: 'c', feedback: 'f', next })),
    })),
  };
}

describe('analyseScenario', () => {
  it('finds nothing wrong with a branching scenario that always ends', () => {
    expect(analyseScenario(scenario('a', { a: ['b', 'c', null], b: [null, 'c'], c: [null] }))).toEqual({
      startIsKnown: true,
      danglingNext: [],
      unreachable: [],
      noWayOut: [],
    });
  });

  it('allows a loop that has a way out ("try again")', () => {
    expect(analyseScenario(scenario('a', { a: ['a', 'b'], b: [null] })).noWayOut).toEqual([]);
  });

  it('reports an unknown start once, not every step as unreachable', () => {
    expect(analyseScenario(scenario('x', { a: [null], b: [null] }))).toMatchObject({ startIsKnown: false, unreachable: [] });
  });

  it('reports each dangling next with its step and choice', () => {
    expect(analyseScenario(scenario('a', { a: ['b', 'zz'], b: [null, 'yy'] })).danglingNext).toEqual([
      { stepIndex: 0, choiceIndex: 1, next: 'zz' },
      { stepIndex: 1, choiceIndex: 1, next: 'yy' },
    ]);
  });

  it('reports steps no path reaches, including ones reached only from unreachable steps', () => {
    expect(analyseScenario(scenario('a', { a: [null], b: ['c'], c: [null] })).unreachable).toEqual([1, 2]);
  });

  it('reports reachable steps from which the scenario can never end', () => {
    // a → b ⇄ c, with no exit from b or c; a itself can end.
    expect(analyseScenario(scenario('a', { a: [null, 'b'], b: ['c'], c: ['b'] })).noWayOut).toEqual([1, 2]);
  });
});
