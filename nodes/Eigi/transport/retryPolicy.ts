/** First backoff wait; each later retry doubles it up to BACKOFF_MAX_MS, before jitter. */
export const BACKOFF_BASE_MS = 1000;
export const BACKOFF_MAX_MS = 30_000;

/** Decision on one attempt's outcome. */
export type RetryDecision = 'done' | 'retry' | 'fail';

// Codes Node.js and axios put on errors where no HTTP response arrived. ECONNABORTED is axios'
// code for its own timeout.
const NETWORK_RETRY_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'ETIMEDOUT',
	'ESOCKETTIMEDOUT',
	'EPIPE',
	'ECONNREFUSED',
	'EAI_AGAIN',
	'ENETUNREACH',
	'EHOSTUNREACH',
]);

// Failures that happen before the request reaches the server, so even a request that must not
// run twice (starting a call) is safe to send again.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * Decides on an HTTP status. 429 is retried for every request because eigi rejected it before
 * doing anything. 5xx and 408 are retried only for `idempotent` requests, except 503, which
 * reports that the server did not take the request on.
 */
export function decideOnStatus(status: number, idempotent: boolean): RetryDecision {
	if (status >= 200 && status < 300) return 'done';
	if (status === 429 || status === 503) return 'retry';
	if (status === 408 || status >= 500) return idempotent ? 'retry' : 'fail';
	return 'fail';
}

/** Decides on a network error code such as ECONNRESET; unknown codes are not retried. */
export function decideOnNetworkError(code: string | undefined, idempotent: boolean): RetryDecision {
	if (!code || !NETWORK_RETRY_CODES.has(code)) return 'fail';
	if (idempotent || NOT_SENT_CODES.has(code)) return 'retry';
	return 'fail';
}

/** Returns true when `code` is a timeout code of axios or Node.js. */
export function isTimeoutCode(code: string | undefined): boolean {
	return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT';
}

/**
 * Parses a `Retry-After` header into milliseconds from `now`. It accepts delay-seconds and an
 * HTTP-date (RFC 9110 §10.2.3); a date in the past gives 0. Returns undefined when the header is
 * missing or unreadable.
 */
export function parseRetryAfter(header: unknown, now: number): number | undefined {
	const value = Array.isArray(header) ? header[0] : header;
	if (typeof value !== 'string' || value.trim() === '') return undefined;

	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);

	// An HTTP-date always names the day or month ("Wed, 03 Dec 2025 14:00:03 GMT"); the check
	// keeps Date.parse from reading text such as "-3" as a year.
	const date = /[A-Za-z]/.test(text) ? Date.parse(text) : Number.NaN;
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * Returns the wait before retry number `retry` (1 for the first retry): exponential backoff
 * capped at BACKOFF_MAX_MS, with jitter that picks a point in the upper half so waits stay
 * spread out without collapsing to zero. `random` returns a number in [0, 1).
 */
export function backoffDelay(retry: number, random: () => number): number {
	const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, retry - 1));
	return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
