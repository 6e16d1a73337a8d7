/** Tells live subscriptions of one store instance that it has just committed events. */
export class ChangeNotifier {
  private readonly listeners = new Set<() => void>();

  /** Registers a listener; returns the function that removes it. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
