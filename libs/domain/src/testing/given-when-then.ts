/// <reference types="jest" />
// Test-only module: built with the library but never imported by production code.
import { DomainError, type DomainErrorCode } from '../errors';
import type { Decider } from '../shared/decider';

/**
 * given(...events).when(command).then(...expected) | .thenThrows(code)
 *
 * Folds the given events into a state, decides the command against it and compares the
 * decision with what is expected. For the task decider `then` takes the events; for the plan
 * decider, whose decision is a list of streams, it takes those streams.
 *
 * Keep test bodies in braces: the object `when` returns has a `then` method, so returning it
 * from an `it` callback would make jest treat it as a promise.
 */
export function deciderSpec<Command, State, Event, Decision>(
  decider: Decider<Command, State, Event, Decision>,
) {
  return {
    given: (...events: Event[]) => {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when: (command: Command) => {
          const decide = () => decider.decide(command, state);
          return {
            then: (
              ...expected: Decision extends readonly (infer Item)[] ? Item[] : [Decision]
            ): void => {
              expect(decide()).toEqual(expected);
            },
            thenThrows: (code: DomainErrorCode, message?: string | RegExp): DomainError => {
              const error = caught(decide);
              expect(error).toBeInstanceOf(DomainError);
              const domainError = error as DomainError;
              expect({ code: domainError.code, message: domainError.message }).toEqual({
                code,
                message:
                  message === undefined
                    ? expect.any(String)
                    : typeof message === 'string'
                      ? expect.stringContaining(message)
                      : expect.stringMatching(message),
              });
              return domainError;
            },
            /** The decision itself, for assertions the two above do not cover. */
            decision: (): Decision => decide(),
          };
        },
      };
    },
  };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused, but it was accepted');
}
