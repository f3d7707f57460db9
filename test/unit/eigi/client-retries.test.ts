import nock from 'nock';
import type { INodeParameters, NodeApiError } from 'n8n-workflow';

import { RequestRateLimiter } from '../../../nodes/Eigi/transport/rateLimiter';
import type { EngineRunResult } from '../../support/engine';
import { BASE_URL, jsonOf, runEigi, useVirtualClock } from './eigiTestKit';
import { useNock } from '../../support/useNock';

useNock();

const PATH = '/v1/public/conversations/c-1';

async function getConversation(options: INodeParameters = {}): Promise<EngineRunResult> {
	return await runEigi({
		parameters: { resource: 'conversation', operation: 'get', conversationId: 'c-1', options },
	});
}

// nock 14 needs an Error instance here; a plain object makes its interceptor throw.
function networkError(code: string, message: string): Error {
	return Object.assign(new Error(message), { code });
}

function descriptionOf(result: EngineRunResult): string {
	return (result.error as NodeApiError | undefined)?.description ?? '';
}

describe('retries on 429', () => {
	it('waits the Retry-After seconds, then succeeds', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(429, { detail: 'Rate limit exceeded' }, { 'Retry-After': '3' })
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });

		const result = await getConversation();

		expect(jsonOf(result)).toEqual([{ conversation_id: 'c-1' }]);
		expect(clock.sleeps).toEqual([3000]);
		expect(scope.isDone()).toBe(true);
	});

	it('waits until a Retry-After HTTP date', async () => {
		const clock = useVirtualClock();
		const retryAt = new Date(clock.now() + 4000).toUTCString();
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(429, { detail: 'Rate limit exceeded' }, { 'Retry-After': retryAt })
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });

		const result = await getConversation();

		expect(result.error).toBeUndefined();
		expect(clock.sleeps).toEqual([4000]);
		expect(scope.isDone()).toBe(true);
	});

	it('retries at once after Retry-After 0', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(429, {}, { 'Retry-After': '0' })
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });

		const result = await getConversation();

		expect(result.error).toBeUndefined();
		expect(clock.sleeps).toEqual([0]);
		expect(scope.isDone()).toBe(true);
	});

	it('backs off when Retry-After is missing', async () => {
		const clock = useVirtualClock();
		nock(BASE_URL).get(PATH).reply(429, {}).get(PATH).reply(200, { conversation_id: 'c-1' });

		const result = await getConversation();

		expect(result.error).toBeUndefined();
		expect(clock.sleeps).toEqual([750]);
	});

	it('pauses the other requests of the execution', async () => {
		const clock = useVirtualClock();
		const pause = jest.spyOn(RequestRateLimiter.prototype, 'pauseUntil');
		nock(BASE_URL)
			.get(PATH)
			.reply(429, {}, { 'Retry-After': '5' })
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });
		const before = clock.now();

		await getConversation();

		expect(pause).toHaveBeenCalledTimes(1);
		expect(pause).toHaveBeenCalledWith(before + 5000);
	});

	it('cuts a long Retry-After to Max Retry Time, then gives up', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.times(2)
			.reply(429, { detail: 'Rate limit exceeded' }, { 'Retry-After': '100' });

		const result = await getConversation({ maxRetryTime: 10 });

		expect(clock.sleeps).toEqual([10000]);
		expect(result.error?.message).toBe('The eigi API returned HTTP 429: Rate limit exceeded');
		expect(descriptionOf(result)).toContain(
			'100 requests per minute on the Free plan and 500 on Pro',
		);
		expect(descriptionOf(result)).toContain('Tried 2 times over 10.0 s');
		expect(scope.isDone()).toBe(true);
	});

	it('logs each retry without the query string', async () => {
		useVirtualClock();
		nock(BASE_URL)
			.get('/v1/public/conversations')
			.query(true)
			.reply(429, {}, { 'Retry-After': '1' })
			.get('/v1/public/conversations')
			.query(true)
			.reply(200, { data: [] });

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'getAll',
				filters: { search: '+14155550123' },
			},
		});

		const warnings = result.logs.filter((entry) => entry.level === 'warn');
		expect(warnings.map((entry) => entry.message)).toEqual([
			'eigi node: GET /v1/public/conversations failed with HTTP 429; retrying in 1000 ms (attempt 2 of 5)',
		]);
		expect(JSON.stringify(result.logs)).not.toContain('4155550123');
	});
});

describe('retries on server and network errors', () => {
	it('succeeds after a 500', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(500, { detail: 'Internal Server Error' })
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });

		const result = await getConversation();

		expect(jsonOf(result)).toEqual([{ conversation_id: 'c-1' }]);
		expect(clock.sleeps).toEqual([750]);
		expect(scope.isDone()).toBe(true);
	});

	it.each([502, 503, 504])('succeeds after a %i', async (status) => {
		useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(status, 'upstream error')
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });

		const result = await getConversation();

		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('backs off exponentially until Max Attempts', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL).get(PATH).times(5).reply(500, { detail: 'Internal Server Error' });

		const result = await getConversation();

		expect(clock.sleeps).toEqual([750, 1500, 3000, 6000]);
		expect(result.error?.message).toBe('The eigi API returned HTTP 500: Internal Server Error');
		expect(descriptionOf(result)).toContain("a problem on eigi's side");
		expect(descriptionOf(result)).toContain('Tried 5 times over 11.3 s');
		expect((result.error as NodeApiError).httpCode).toBe('500');
		expect(scope.isDone()).toBe(true);
	});

	it('follows the Max Attempts option', async () => {
		useVirtualClock();
		const scope = nock(BASE_URL).get(PATH).times(2).reply(500, {});

		const result = await getConversation({ maxAttempts: 2 });

		expect(result.error).toBeDefined();
		expect(scope.isDone()).toBe(true);
	});

	it('does not retry with Max Retry Time 0', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL).get(PATH).reply(500, {});

		const result = await getConversation({ maxRetryTime: 0 });

		expect(result.error).toBeDefined();
		expect(clock.sleeps).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	it('retries after a timeout', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.delay(1000)
			.reply(200, { conversation_id: 'late' })
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });

		const result = await getConversation({ timeout: 30 });

		expect(jsonOf(result)).toEqual([{ conversation_id: 'c-1' }]);
		expect(clock.sleeps).toEqual([750]);
		expect(scope.isDone()).toBe(true);
	});

	it('reports a timeout once attempts run out', async () => {
		useVirtualClock();
		nock(BASE_URL).get(PATH).times(2).delay(1000).reply(200, {});

		const result = await getConversation({ timeout: 30, maxAttempts: 2 });

		expect(result.error?.message).toBe('No response from the eigi API within 30 ms');
		expect(descriptionOf(result)).toContain('Raise Options → Timeout');
		expect(descriptionOf(result)).toContain('error code ECONNABORTED');
	});

	it('retries after a connection reset', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.replyWithError(networkError('ECONNRESET', 'socket hang up'))
			.get(PATH)
			.reply(200, { conversation_id: 'c-1' });

		const result = await getConversation();

		expect(result.error).toBeUndefined();
		expect(clock.sleeps).toEqual([750]);
		expect(scope.isDone()).toBe(true);
	});

	it('reports a refused connection with the host', async () => {
		useVirtualClock();
		nock(BASE_URL)
			.get(PATH)
			.times(2)
			.replyWithError(networkError('ECONNREFUSED', 'connect ECONNREFUSED'));

		const result = await getConversation({ maxAttempts: 2 });

		expect(result.error?.message).toBe('Could not connect to the eigi API at api.eigi.test');
		expect(descriptionOf(result)).toContain('Check the Base URL in the Eigi API credential');
		expect(descriptionOf(result)).toContain('error code ECONNREFUSED');
	});

	it('does not retry an unknown host', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.replyWithError(networkError('ENOTFOUND', 'getaddrinfo ENOTFOUND'));

		const result = await getConversation();

		expect(result.error?.message).toBe('Could not connect to the eigi API at api.eigi.test');
		expect(clock.sleeps).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});
});

describe('errors that are not retried', () => {
	it.each([
		[400, { detail: 'Invalid page' }, 'Invalid page', 'rejected the request as invalid'],
		[
			401,
			{ detail: 'Invalid or expired API key' },
			'Invalid or expired API key',
			'Eigi API credential',
		],
		[403, { detail: 'No access' }, 'No access', 'quota'],
		[404, { detail: 'Conversation not found' }, 'Conversation not found', 'after 90 days'],
		[
			422,
			{ detail: [{ loc: ['path', 'conversation_id'], msg: 'Invalid UUID' }] },
			'path.conversation_id: Invalid UUID',
			'Fix the fields named',
		],
		[409, { status: 'error', message: 'Conflict here' }, 'Conflict here', "node's parameters"],
	])('HTTP %i fails at once with advice', async (status, body, detail, advice) => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL).get(PATH).reply(status, body);

		const result = await getConversation();

		expect(result.error?.message).toBe(`The eigi API returned HTTP ${status}: ${detail}`);
		expect(descriptionOf(result)).toContain(advice);
		expect(descriptionOf(result)).not.toContain('Tried');
		expect((result.error as NodeApiError).httpCode).toBe(String(status));
		expect((result.error as NodeApiError).context.itemIndex).toBe(0);
		expect(clock.sleeps).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	it('names the conversation ID in a 404', async () => {
		nock(BASE_URL).get(PATH).reply(404, { detail: 'Conversation not found' });

		const result = await getConversation();

		expect(descriptionOf(result)).toContain('No conversation with ID "c-1"');
	});

	it('points out an internal ID in a 404', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/69316c7d6519e8d49433e40b')
			.reply(404, { detail: 'Conversation not found' });

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'get',
				conversationId: '69316c7d6519e8d49433e40b',
			},
		});

		expect(descriptionOf(result)).toContain('use the conversation_id (a UUID) instead');
	});

	it('uses the status text when the body is an HTML page', async () => {
		useVirtualClock();
		nock(BASE_URL).get(PATH).reply(400, '<html><body>Bad Request</body></html>');

		const result = await getConversation();

		expect(result.error?.message).toMatch(/^The eigi API returned HTTP 400: /);
		expect(result.error?.message).not.toContain('<html>');
	});

	it('does not follow a redirect with the API key', async () => {
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(301, '', { Location: 'https://elsewhere.test/v1/public/conversations/c-1' });

		const result = await getConversation();

		expect(result.error?.message).toMatch(/^The eigi API returned HTTP 301/);
		expect(descriptionOf(result)).toContain('does not follow with the API key');
		expect(scope.isDone()).toBe(true);
	});
});

describe('option checks', () => {
	it.each([
		[{ concurrency: 0 }, 'Options → Concurrency is 0, but it must be a whole number of at least 1'],
		[
			{ maxAttempts: 1.5 },
			'Options → Max Attempts is 1.5, but it must be a whole number of at least 1',
		],
		[{ timeout: -1 }, 'Options → Timeout is -1, but it must be a whole number of at least 1'],
		[
			{ requestsPerMinute: -5 },
			'Options → Requests Per Minute is -5, but it must be a whole number of at least 0',
		],
	])('rejects %p', async (options, message) => {
		const result = await getConversation(options);

		expect(result.error?.message).toBe(message);
	});
});

describe('error envelope with a success code', () => {
	it('fails at once with eigi message', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.get(PATH)
			.reply(200, { status: 'error', message: 'Agent is inactive' });

		const result = await getConversation();

		expect(result.error?.message).toBe('The eigi API reported an error: Agent is inactive');
		expect(descriptionOf(result)).toContain('"status": "error"');
		expect(clock.sleeps).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	it('accepts a success envelope', async () => {
		nock(BASE_URL)
			.get(PATH)
			.reply(200, { status: 'success', message: 'ok', data: { conversation_id: 'c-1' } });

		const result = await getConversation();

		expect(jsonOf(result)).toEqual([{ conversation_id: 'c-1' }]);
	});
});
