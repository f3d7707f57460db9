import { timing } from './timing';

// One minute plus a margin: eigi counts requests when they arrive, and arrival times differ
// from send times by network latency, so two requests sent exactly 60 s apart might arrive
// closer together.
export const RATE_WINDOW_MS = 60_250;

/**
 * Requests-per-minute ceiling shared by every request of one node execution, kept as a list of
 * send times (a sliding-window log). No timers: each caller computes its own wait from the
 * timestamps. A 429 from eigi pauses every caller until its Retry-After has passed.
 */
export class RequestRateLimiter {
	private readonly sentAt: number[] = [];

	private pausedUntil = 0;

	/** `requestsPerMinute` 0 means no ceiling; 429 pauses still apply. */
	constructor(private readonly requestsPerMinute: number) {}

	/** Waits until a request may be sent, then counts it as sent. */
	async acquire(abortSignal?: AbortSignal): Promise<number> {
		let waitedMs = 0;
		for (;;) {
			const now = timing.now();
			const delay = this.delayAt(now);
			if (delay <= 0) {
				if (this.requestsPerMinute > 0) this.sentAt.push(now);
				return waitedMs;
			}

			await timing.sleep(delay, abortSignal);
			waitedMs += delay;
		}
	}

	/** Holds every caller back until `until` (a timestamp in ms). */
	pauseUntil(until: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, until);
	}

	private delayAt(now: number): number {
		if (this.pausedUntil > now) return this.pausedUntil - now;
		if (this.requestsPerMinute <= 0) return 0;

		while (this.sentAt.length > 0 && this.sentAt[0] <= now - RATE_WINDOW_MS) {
			this.sentAt.shift();
		}
		if (this.sentAt.length < this.requestsPerMinute) return 0;
		return this.sentAt[0] + RATE_WINDOW_MS - now;
	}
}
