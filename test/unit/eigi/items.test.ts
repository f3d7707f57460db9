import nock from 'nock';
import type { NodeApiError } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { RATE_WINDOW_MS, RequestRateLimiter } from '../../../nodes/Eigi/transport/rateLimiter';
import { timing } from '../../../nodes/Eigi/transport/timing';
import { BASE_URL, jsonOf, runEigi, useVirtualClock } from './eigiTestKit';
import { useNock } from '../../support/useNock';

useNock();

const GET_BY_ITEM = {
	resource: 'conversation',
	operation: 'get',
	conversationId: '={{ $json.id }}',
};

function inputOf(ids: string[]): Array<{ json: { id: string } }> {
	return ids.map((id) => ({ json: { id } }));
}

function idsOf(count: number): string[] {
	return Array.from({ length: count }, (_, index) => `c-${index}`);
}

/**
 * Serves every GET of a conversation after `delayMs` (real time), counting requests in flight.
 * The delays are long enough for all workers to start while the first request is still open.
 */
function serveConversations(delayMs: (id: string) => number) {
	const stats = { inFlight: 0, maxInFlight: 0, requestedAt: [] as number[], order: [] as string[] };
	nock(BASE_URL)
		.persist()
		.get(/\/v1\/public\/conversations\/[^/]+$/)
		.reply(async (uri) => {
			const id = decodeURIComponent(uri.split('/').pop() ?? '');
			stats.order.push(id);
			stats.requestedAt.push(timing.now());
			stats.inFlight += 1;
			stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
			await sleep(delayMs(id));
			stats.inFlight -= 1;
			return [200, { conversation_id: id }];
		});
	return stats;
}

/** Records the virtual time at which the rate limiter lets each request go. */
function recordSendTimes(): number[] {
	const sentAt: number[] = [];
	const acquire = RequestRateLimiter.prototype.acquire;
	jest.spyOn(RequestRateLimiter.prototype, 'acquire').mockImplementation(async function (
		this: RequestRateLimiter,
		abortSignal?: AbortSignal,
	) {
		const waited = await acquire.call(this, abortSignal);
		sentAt.push(timing.now());
		return waited;
	});
	return sentAt;
}

describe('many input items', () => {
	it('keeps the input order whatever finishes first', async () => {
		serveConversations((id) => (id === 'c-0' ? 40 : 5));
		const ids = idsOf(6);

		const result = await runEigi({
			parameters: { ...GET_BY_ITEM, options: { concurrency: 3 } },
			input: inputOf(ids),
		});

		expect(jsonOf(result).map((json) => json.conversation_id)).toEqual(ids);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual(
			ids.map((_, item) => ({ item })),
		);
	});

	it('runs at most Concurrency requests at once', async () => {
		const stats = serveConversations(() => 60);

		const result = await runEigi({
			parameters: { ...GET_BY_ITEM, options: { concurrency: 3 } },
			input: inputOf(idsOf(9)),
		});

		expect(result.error).toBeUndefined();
		expect(stats.requestedAt).toHaveLength(9);
		expect(stats.maxInFlight).toBe(3);
	});

	it('runs 5 requests at once by default', async () => {
		const stats = serveConversations(() => 60);

		await runEigi({ parameters: GET_BY_ITEM, input: inputOf(idsOf(12)) });

		expect(stats.maxInFlight).toBe(5);
	});

	// Send times are taken when the rate limiter lets a request go: on the virtual clock, a request
	// in flight can see time jump forward while another item's wait ends.
	it('keeps every minute under Requests Per Minute', async () => {
		const clock = useVirtualClock();
		const stats = serveConversations(() => 1);
		const sentAt = recordSendTimes();
		const start = clock.now();

		const result = await runEigi({
			parameters: { ...GET_BY_ITEM, options: { concurrency: 2, requestsPerMinute: 3 } },
			input: inputOf(idsOf(7)),
		});

		expect(result.error).toBeUndefined();
		expect(stats.order).toHaveLength(7);
		const offsets = sentAt.map((at) => at - start).sort((a, b) => a - b);
		expect(offsets).toHaveLength(7);
		for (let i = 0; i + 3 < offsets.length; i++) {
			expect(offsets[i + 3] - offsets[i]).toBeGreaterThanOrEqual(RATE_WINDOW_MS);
		}
		expect(offsets).toEqual([
			0,
			0,
			0,
			RATE_WINDOW_MS,
			RATE_WINDOW_MS,
			RATE_WINDOW_MS,
			2 * RATE_WINDOW_MS,
		]);
	});

	it('logs the rate-limit waits', async () => {
		useVirtualClock();
		serveConversations(() => 1);

		const result = await runEigi({
			parameters: { ...GET_BY_ITEM, options: { concurrency: 1, requestsPerMinute: 2 } },
			input: inputOf(idsOf(3)),
		});

		const waits = result.logs.filter((entry) => entry.message.includes('for the rate limit'));
		expect(waits).toHaveLength(1);
		expect(waits[0].level).toBe('debug');
	});
});

describe('continue on fail', () => {
	it('gives one error item per failing input, paired', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/c-0')
			.reply(200, { conversation_id: 'c-0' })
			.get('/v1/public/conversations/missing-1')
			.reply(404, { detail: 'Conversation not found' })
			.get('/v1/public/conversations/c-2')
			.reply(200, { conversation_id: 'c-2' });

		const result = await runEigi({
			parameters: GET_BY_ITEM,
			input: inputOf(['c-0', 'missing-1', 'c-2', ' ']),
			continueOnFail: true,
		});

		expect(result.error).toBeUndefined();
		const items = result.outputs[0];
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json).toEqual({ conversation_id: 'c-0' });
		expect(items[1].json.error).toBe('The eigi API returned HTTP 404: Conversation not found');
		expect(items[1].json.details).toEqual({
			httpCode: '404',
			description: expect.stringContaining('No conversation with ID "missing-1"'),
		});
		expect(items[2].json).toEqual({ conversation_id: 'c-2' });
		expect(items[3].json).toEqual({
			error: 'Conversation ID is empty',
			details: { description: expect.stringContaining('conversation_id') },
		});
	});

	it('keeps going after a failure with concurrency', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/missing-0')
			.reply(404, { detail: 'Conversation not found' });
		serveConversations(() => 2);

		const result = await runEigi({
			parameters: GET_BY_ITEM,
			input: inputOf(['missing-0', ...idsOf(5)]),
			continueOnFail: true,
		});

		expect(result.outputs[0]).toHaveLength(6);
		expect(result.outputs[0][0].json.error).toBeDefined();
		expect(jsonOf(result).slice(1)).toEqual(idsOf(5).map((id) => ({ conversation_id: id })));
	});
});

describe('stop on fail', () => {
	it('starts no item after the failing one and names it', async () => {
		const scope = nock(BASE_URL)
			.get('/v1/public/conversations/c-0')
			.reply(200, { conversation_id: 'c-0' })
			.get('/v1/public/conversations/missing-1')
			.reply(404, { detail: 'Conversation not found' });

		const result = await runEigi({
			parameters: { ...GET_BY_ITEM, options: { concurrency: 1 } },
			input: inputOf(['c-0', 'missing-1', 'c-2', 'c-3']),
		});

		expect(result.error?.message).toBe('The eigi API returned HTTP 404: Conversation not found');
		expect((result.error as NodeApiError).context.itemIndex).toBe(1);
		expect(result.outputs).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	it('reports the lowest failing item when several fail at once', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/missing-0')
			.delay(30)
			.reply(404, { detail: 'first' })
			.get('/v1/public/conversations/missing-1')
			.reply(404, { detail: 'second' });

		const result = await runEigi({
			parameters: { ...GET_BY_ITEM, options: { concurrency: 2 } },
			input: inputOf(['missing-0', 'missing-1']),
		});

		expect(result.error?.message).toBe('The eigi API returned HTTP 404: first');
		expect((result.error as NodeApiError).context.itemIndex).toBe(0);
	});
});
