/**
 * Runs one piece of work per key at a time: callers that ask for a key while its work runs get
 * that run's answer (or failure) instead of starting their own.
 */
export class SingleFlight {
  private readonly running = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const pending = this.running.get(key);
    if (pending) {
      return pending as Promise<T>;
    }
    const started = work().finally(() => this.running.delete(key));
    this.running.set(key, started);
    return started;
  }
}
