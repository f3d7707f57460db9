import {
	BACKOFF_MAX_MS,
	backoffDelay,
	decideOnNetworkError,
	decideOnStatus,
	parseRetryAfter,
} from '../../../nodes/Eigi/transport/retryPolicy';

const NOW = Date.UTC(2025, 11, 3, 14, 0, 0);

describe('parseRetryAfter', () => {
	it('reads delay-seconds', () => {
		expect(parseRetryAfter('7', NOW)).toBe(7000);
		expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
	});

	it('reads fractional seconds', () => {
		expect(parseRetryAfter('1.5', NOW)).toBe(1500);
	});

	it('reads an HTTP-date relative to now', () => {
		const date = new Date(NOW + 3000).toUTCString();
		expect(parseRetryAfter(date, NOW)).toBe(3000);
	});

	it('gives 0 for a date in the past', () => {
		expect(parseRetryAfter(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0);
	});

	it('takes the first of repeated headers', () => {
		expect(parseRetryAfter(['2', '9'], NOW)).toBe(2000);
	});

	it.each([undefined, '', 'soon', '-3', 42])('ignores %p', (header) => {
		expect(parseRetryAfter(header, NOW)).toBeUndefined();
	});
});

describe('backoffDelay', () => {
	it('doubles per retry within the jitter range', () => {
		expect(backoffDelay(1, () => 0)).toBe(500);
		expect(backoffDelay(1, () => 0.999)).toBe(1000);
		expect(backoffDelay(2, () => 0)).toBe(1000);
		expect(backoffDelay(3, () => 0.5)).toBe(3000);
	});

	it('caps the wait', () => {
		expect(backoffDelay(20, () => 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
		expect(backoffDelay(20, () => 0)).toBe(BACKOFF_MAX_MS / 2);
	});
});

describe('decideOnStatus', () => {
	it.each([
		[200, true, 'done'],
		[201, false, 'done'],
		[429, true, 'retry'],
		[429, false, 'retry'],
		[500, true, 'retry'],
		[502, true, 'retry'],
		[504, true, 'retry'],
		[408, true, 'retry'],
		[503, false, 'retry'],
		[500, false, 'fail'],
		[502, false, 'fail'],
		[408, false, 'fail'],
		[301, true, 'fail'],
		[400, true, 'fail'],
		[401, true, 'fail'],
		[403, true, 'fail'],
		[404, true, 'fail'],
		[422, true, 'fail'],
	])('HTTP %i (idempotent %p) gives %s', (status, idempotent, decision) => {
		expect(decideOnStatus(status, idempotent)).toBe(decision);
	});
});

describe('decideOnNetworkError', () => {
	it.each([
		['ECONNRESET', true, 'retry'],
		['ECONNABORTED', true, 'retry'],
		['ETIMEDOUT', true, 'retry'],
		['ECONNREFUSED', true, 'retry'],
		['ECONNRESET', false, 'fail'],
		['ECONNABORTED', false, 'fail'],
		['ECONNREFUSED', false, 'retry'],
		['EAI_AGAIN', false, 'retry'],
		['ENOTFOUND', true, 'fail'],
		['ERR_CANCELED', true, 'fail'],
		[undefined, true, 'fail'],
	])('%s (idempotent %p) gives %s', (code, idempotent, decision) => {
		expect(decideOnNetworkError(code, idempotent)).toBe(decision);
	});
});
