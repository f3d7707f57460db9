import { sleep } from 'n8n-workflow';

/**
 * Clock, waits and randomness of the HTTP client and rate limiter. They live in one replaceable
 * object so tests can run retries and rate-limit waits on a virtual clock.
 */
export const timing = {
	now: (): number => Date.now(),
	sleep: async (ms: number, abortSignal?: AbortSignal): Promise<void> => {
		await sleep(ms, abortSignal);
	},
	random: (): number => Math.random(),
};
