import { randomUUID } from 'crypto';

import { e2eRun, setStandInConfig, standInRequests } from './support/harness';
import type { StandInRequest } from './support/harness';
import { itemsOf, runWorkflow } from './support/run-workflow';

const GET = 'Get Conversation';

async function requestsFor(ids: string[]) {
	const requests: StandInRequest[] = [];
	for (const id of ids) requests.push(...(await standInRequests(`/v1/public/conversations/${id}`)));
	return requests.sort(
		(first, second) => Date.parse(first.receivedAt) - Date.parse(second.receivedAt),
	);
}

describe('Eigi node with many items in n8n', () => {
	it('sends errors to the error output when asked', async () => {
		const ids = [randomUUID(), `missing-${randomUUID()}`];
		const execution = await runWorkflow('eigi-get-error-output', {
			items: ids.map((conversationId) => ({ conversationId })),
		});

		const [succeeded, failed] = execution.nodes[GET][0].outputs;
		expect(succeeded.map((item) => item.json.conversation_id)).toEqual([ids[0]]);
		expect(succeeded[0].pairedItem).toEqual({ item: 0 });
		expect(failed).toHaveLength(1);
		expect(failed[0].json.error).toMatch(/not found/i);
		expect(execution.nodes.Succeeded).toBeDefined();
		expect(execution.nodes.Failed).toBeDefined();
	});

	it('keeps input order with at most 4 requests in flight', async () => {
		const ids = Array.from({ length: 20 }, () => randomUUID());
		await setStandInConfig({ latencyMs: 200 });
		const execution = await runWorkflow('eigi-get-concurrency', {
			items: ids.map((conversationId) => ({ conversationId })),
		}).finally(() => setStandInConfig({ latencyMs: 0 }));

		const items = itemsOf(execution, GET);
		expect(items.map((item) => item.json.conversation_id)).toEqual(ids);
		expect(items.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		// With 4 in flight and a 200 ms delay per response, request i + 4 can only start after one
		// of requests i..i+3 got its response, at least 200 ms after request i arrived.
		const arrivals = (await requestsFor(ids)).map((request) => Date.parse(request.receivedAt));
		expect(arrivals).toHaveLength(20);
		for (let index = 0; index + 4 < arrivals.length; index++) {
			expect(arrivals[index + 4] - arrivals[index]).toBeGreaterThanOrEqual(150);
		}
	});

	it('stays under the stand-in limit with Requests Per Minute', async () => {
		// The credential's key is limited to 10 requests per minute; the node allows itself 8.
		const ids = Array.from({ length: 9 }, () => randomUUID());
		const execution = await runWorkflow('eigi-get-paced', {
			items: ids.map((conversationId) => ({ conversationId })),
		});

		expect(execution.status).toBe('success');
		expect(itemsOf(execution, GET).map((item) => item.json.conversation_id)).toEqual(ids);
		const requests = await requestsFor(ids);
		expect(
			requests.every((request) => request.headers['x-api-key'] === e2eRun().limitedApiKey),
		).toBe(true);
		expect(requests.map((request) => request.status)).toEqual(Array(9).fill(200));
	});
});
