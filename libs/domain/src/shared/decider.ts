/**
 * A stream's pure decision functions as one value: `decide` turns a command into what happens
 * (events; for a plan, the events of each stream it creates), `evolve` folds one event into the
 * state, `initialState` is the state of a stream with no events. The command executor in
 * libs/commands and the given/when/then specs both take a Decider.
 */
export interface Decider<Command, State, Event, Decision = readonly Event[]> {
  decide(command: Command, state: State): Decision;
  evolve(state: State, event: Event): State;
  initialState(): State;
}
