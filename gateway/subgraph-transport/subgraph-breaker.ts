import { BrokenCircuitError, circuitBreaker, CircuitState, ConsecutiveBreaker, handleWhen, type CircuitBreakerPolicy } from 'cockatiel';

/** A subgraph's circuit as metrics and logs report it. */
export type SubgraphBreakerState = 'closed' | 'half-open' | 'open';

const STATE_NAMES: Record<CircuitState, SubgraphBreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

export interface SubgraphBreakerOptions {
  /** Failed fetches in a row that open the circuit. */
  threshold: number;
  /** How long an open circuit refuses fetches before one trial fetch is let through. */
  halfOpenAfterMs: number;
  /** Told 'closed' at creation, then every change; must not throw. */
  onStateChange?(subgraph: string, state: SubgraphBreakerState): void;
}

/** Thrown instead of fetching while the subgraph's circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly subgraph: string) {
    super(`circuit open for subgraph ${subgraph}`);
    this.name = 'CircuitOpenError';
  }
}

/** Carries a failure that counts against the circuit through cockatiel; unwrapped before anyone sees it. */
class CountedFailure extends Error {
  constructor(readonly failure: unknown) {
    super('counted subgraph failure');
  }
}

/**
 * One subgraph's breaker on cockatiel's ConsecutiveBreaker. The caller says which failures count (the
 * subgraph's own fault: refused, broken or past its own timeout; not a client that left or ran out of
 * its own time). Open, it refuses at once with CircuitOpenError, so a dead subgraph costs no wait; after
 * `halfOpenAfterMs` one trial fetch decides, and fetches arriving meanwhile are refused rather than queued.
 */
export class SubgraphBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private openedAt = 0;

  constructor(
    private readonly subgraph: string,
    private readonly options: SubgraphBreakerOptions,
  ) {
    this.policy = circuitBreaker(
      handleWhen((error) => error instanceof CountedFailure),
      { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.threshold) },
    );
    this.policy.onBreak(() => {
      this.openedAt = Date.now();
    });
    this.policy.onStateChange((state) => options.onStateChange?.(subgraph, STATE_NAMES[state]));
    options.onStateChange?.(subgraph, 'closed');
  }

  get state(): SubgraphBreakerState {
    return STATE_NAMES[this.policy.state];
  }

  /** Runs `fetch` through the circuit, or refuses it without calling it; `counts` picks the failures that count. */
  async execute<T>(fetch: () => Promise<T>, counts: (error: unknown) => boolean): Promise<T> {
    const state = this.policy.state;
    // cockatiel would queue fetches behind a half-open trial, which may take a whole timeout; refuse them instead.
    if (state === CircuitState.HalfOpen) throw new CircuitOpenError(this.subgraph);
    if (state === CircuitState.Open && Date.now() - this.openedAt < this.options.halfOpenAfterMs) throw new CircuitOpenError(this.subgraph);
    try {
      return await this.policy.execute(async () => {
        try {
          return await fetch();
        } catch (error) {
          throw counts(error) ? new CountedFailure(error) : error;
        }
      });
    } catch (error) {
      if (error instanceof CountedFailure) throw error.failure;
      if (error instanceof BrokenCircuitError) throw new CircuitOpenError(this.subgraph);
      throw error;
    }
  }
}
