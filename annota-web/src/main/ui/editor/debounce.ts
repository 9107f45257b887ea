// Runs an action once things have been quiet for a while, or right away on flush() (before a reload).
import type { Clock } from '../sync/outbox';
import { realClock } from '../sync/outbox';

export class Debounced {
  private handle: unknown = undefined;
  private pending = false;

  constructor(private readonly action: () => void, private readonly delayMs: number, private readonly clock: Clock = realClock) {}

  trigger(): void {
    this.pending = true;
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = this.clock.setTimeout(() => this.flush(), this.delayMs);
  }

  /** Runs the action now if one is waiting. */
  flush(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
    if (!this.pending) return;
    this.pending = false;
    this.action();
  }

  get waiting(): boolean {
    return this.pending;
  }

  cancel(): void {
    if (this.handle !== undefined) this.clock.clearTimeout(this.handle);
    this.handle = undefined;
    this.pending = false;
  }
}
