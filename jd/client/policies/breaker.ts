import { BrokenCircuitError, circuitBreaker, CircuitState, handleWhen, SamplingBreaker, type CircuitBreakerPolicy } from 'cockatiel';
import { circuitOpenError, isDefiniteJdAnswer, isTransientUpstreamFailure, type JdApiError } from '../errors';

/** A method's circuit as metrics and logs report it. */
export type JdBreakerState = 'closed' | 'half-open' | 'open';

const STATE_NAMES: Record<CircuitState, JdBreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'open',
};

export interface MethodBreakerOptions {
  /** The circuit opens when more than this % of the method's calls in the window failed transiently (1 to 99). */
  failurePercent: number;
  /** …and only once the window holds at least this many calls: a few failures at low traffic prove nothing. */
  minCalls: number;
  /** The rolling window the failure rate is measured over (ms). */
  windowMs: number;
  /** How long the circuit refuses calls before one trial call is let through (half-open). */
  halfOpenAfterMs: number;
  /** Told 'closed' when the breaker is created, then every change; must not throw. */
  onStateChange?(method: string, state: JdBreakerState): void;
}

type Outcome<T> = { value: T } | { answer: JdApiError };

/**
 * One JD method's breaker on cockatiel's SamplingBreaker: it opens on the failure *rate* over a rolling
 * window, not on failures in a row. A method that fails one call in five is degraded, not down, and
 * the retries above the breaker ride that out; a run of five bad calls at such a rate is common under
 * load, and a consecutive breaker then refused even the idempotent creates a client kept retrying
 * (the chaos suite's lost applications). Only transient upstream failures count as failures; a
 * definite answer from JD, even a refusal, proves it is up and counts as a success. Open, it refuses
 * with JdApiError kind 'circuit-open'; after `halfOpenAfterMs` one trial call decides.
 */
export class MethodBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private openedAt = 0;

  constructor(
    private readonly method: string,
    private readonly options: MethodBreakerOptions,
  ) {
    this.policy = circuitBreaker(handleWhen(isTransientUpstreamFailure), {
      halfOpenAfter: options.halfOpenAfterMs,
      breaker: new SamplingBreaker({
        threshold: options.failurePercent / 100,
        duration: options.windowMs,
        // cockatiel takes a minimum rate; half a call below minCalls keeps its window rounding from
        // moving the bar to minCalls ± 1.
        minimumRps: ((options.minCalls - 0.5) * 1000) / options.windowMs,
      }),
    });
    // cockatiel keeps its own opening time private; the refusal says how long until the trial.
    this.policy.onBreak(() => {
      this.openedAt = Date.now();
    });
    this.policy.onStateChange((state) => options.onStateChange?.(method, STATE_NAMES[state]));
    options.onStateChange?.(method, 'closed');
  }

  get state(): JdBreakerState {
    return STATE_NAMES[this.policy.state];
  }

  /** Throws kind 'circuit-open' when a call would be refused now; callers check before queueing for a rate-limit slot. */
  admit(): void {
    const state = this.policy.state;
    // cockatiel would queue callers behind a half-open trial, which may take a whole timeout; refuse them instead.
    if (state === CircuitState.HalfOpen) throw circuitOpenError(this.method, 0);
    if (state === CircuitState.Open && this.retryInMs() > 0) throw circuitOpenError(this.method, this.retryInMs());
  }

  /** Runs `fn` through the circuit, or refuses it (kind 'circuit-open') without calling it. */
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    this.admit();
    let outcome: Outcome<T>;
    try {
      outcome = await this.policy.execute(async (): Promise<Outcome<T>> => {
        try {
          return { value: await fn() };
        } catch (error) {
          // Handed to cockatiel as a success, so it closes a half-open circuit and resets the count.
          if (isDefiniteJdAnswer(error)) return { answer: error };
          throw error;
        }
      });
    } catch (error) {
      throw error instanceof BrokenCircuitError ? circuitOpenError(this.method, this.retryInMs()) : error;
    }
    if ('answer' in outcome) throw outcome.answer;
    return outcome.value;
  }

  private retryInMs(): number {
    return Math.max(0, this.openedAt + this.options.halfOpenAfterMs - Date.now());
  }
}

/** One breaker per JD method, created on first use: a failing method must not stop the healthy ones. */
export function breakerPerMethod(options: MethodBreakerOptions): (method: string) => MethodBreaker {
  const breakers = new Map<string, MethodBreaker>();
  return (method) => {
    let breaker = breakers.get(method);
    if (!breaker) {
      breaker = new MethodBreaker(method, options);
      breakers.set(method, breaker);
    }
    return breaker;
  };
}
