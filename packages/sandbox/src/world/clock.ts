/**
 * The sandbox's notion of now. Live mode follows the wall clock; deterministic mode starts at a
 * fixed instant and moves only when told, so tests see the same objects every run.
 */
export class SandboxClock {
  private offsetMs = 0;

  private constructor(private readonly base: () => number) {}

  static live(): SandboxClock {
    return new SandboxClock(Date.now);
  }

  static fixed(startMs: number): SandboxClock {
    return new SandboxClock(() => startMs);
  }

  now(): number {
    return this.base() + this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}
