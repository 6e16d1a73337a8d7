import { RuleViolationError } from '../errors';
import { deciderSpec } from './given-when-then';

type Added = { type: 'Added'; n: number };
const counter = {
  initialState: () => 0,
  evolve: (total: number, e: Added) => total + e.n,
  decide: (n: number, total: number): Added[] => {
    if (total + n > 10) throw new RuleViolationError('too much');
    return [{ type: 'Added', n }];
  },
};
const { given } = deciderSpec(counter);

describe('given/when/then', () => {
  it('folds the given events before deciding', () => {
    given({ type: 'Added', n: 4 }).when(6).then({ type: 'Added', n: 6 });
    given({ type: 'Added', n: 4 }).when(7).thenThrows('rule-violation', 'too much');
  });

  it('fails when the events differ', () => {
    expect(() => given().when(1).then({ type: 'Added', n: 2 })).toThrow();
  });

  it('fails when a refusal was expected but the command was accepted', () => {
    expect(() => given().when(1).thenThrows('rule-violation')).toThrow(
      'expected the command to be refused',
    );
  });

  it('fails when the refusal has another code', () => {
    expect(() => given().when(11).thenThrows('forbidden')).toThrow();
  });
});
