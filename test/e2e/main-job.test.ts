import type { IDataObject } from 'n8n-workflow';

import {
	deliveryFields,
	e2eRun,
	lastExecutionId,
	readExecutions,
	samplePayload,
	sendDelivery,
	standInRequests,
	waitForExecutions,
	workflow,
} from './support/harness';
import type { DeliveryRequest, Execution } from './support/harness';

const EVENTS = ['conversation.completed', 'conversation.disconnected', 'conversation.failed'];
const COMPLETED = 'conversation.completed';
const flow = workflow('main-get-conversation');

function outputOf(execution: Execution, nodeName: string) {
	const runs = execution.nodes[nodeName];
	expect(runs).toHaveLength(1);
	return runs[0].outputs[0].map((item) => item.json);
}

async function fetchFromStandIn(conversationId: string) {
	const response = await fetch(
		`${e2eRun().standInUrl}/v1/public/conversations/${encodeURIComponent(conversationId)}`,
		{ headers: { 'X-API-Key': e2eRun().apiKey } },
	);
	return response.json();
}

/**
 * Sends one delivery built from a fresh sample payload, checks n8n's answer and returns the
 * single execution it started.
 */
async function deliverAndRun(
	sentEvent: string,
	buildRequest: (payload: IDataObject) => DeliveryRequest,
) {
	const event = sentEvent.toLowerCase();
	const payload = samplePayload(event);
	const afterId = await lastExecutionId(flow.id);
	const response = await sendDelivery(flow.webhookUrl, buildRequest(payload));

	expect(response.status).toBe(200);
	expect(response.contentType).toMatch(/^application\/json/);
	expect(response.body).toEqual({
		received: true,
		event,
		conversation_id: payload.conversation_id,
	});
	const executions = await waitForExecutions(flow.id, { afterId, count: 1 });
	expect(executions).toHaveLength(1);
	return { payload, event, execution: executions[0] };
}

const multipart =
	(method: 'POST' | 'PUT' | 'PATCH', event = COMPLETED) =>
	(payload: IDataObject) => ({
		method,
		fields: deliveryFields(event, payload),
	});

describe('Eigi Trigger to Get Conversation in n8n', () => {
	it.each([
		[
			'GET with a query string',
			(payload: IDataObject) => ({
				method: 'GET' as const,
				fields: deliveryFields(COMPLETED, payload),
			}),
		],
		['POST multipart', multipart('POST')],
		['PUT multipart', multipart('PUT')],
		['PATCH multipart', multipart('PATCH')],
		[
			'POST JSON, payload an object',
			(payload: IDataObject) => ({ format: 'json' as const, body: { event: COMPLETED, payload } }),
		],
		[
			'POST JSON, payload a string',
			(payload: IDataObject) => ({
				format: 'json' as const,
				body: { event: COMPLETED, payload: JSON.stringify(payload) },
			}),
		],
		[
			'POST urlencoded',
			(payload: IDataObject) => ({
				format: 'urlencoded' as const,
				fields: deliveryFields(COMPLETED, payload),
			}),
		],
	])('%s runs the workflow', async (_name, buildRequest) => {
		const { payload, event, execution } = await deliverAndRun(COMPLETED, buildRequest);
		const conversationId = payload.conversation_id as string;

		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		const [item] = outputOf(execution, 'Eigi Trigger');
		expect(item).toEqual({ ...payload, event, deduplication_key: `${event}:${conversationId}` });
		expect(item.conversation_duration).toBe(142);
		expect(item.is_test_call).toBe(false);
		expect(item.notes).toBeNull();
		expect(item.conversation_transcript).toHaveLength(2);

		const conversations = outputOf(execution, 'Get Conversation');
		expect(conversations).toEqual([await fetchFromStandIn(conversationId)]);
		const requests = await standInRequests(`/v1/public/conversations/${conversationId}`);
		expect(requests.map((request) => request.method)).toEqual(['GET', 'GET']);
		expect(requests[0].headers['x-api-key']).toBe(e2eRun().apiKey);
	});

	it.each(EVENTS)('%s reaches the workflow with its event', async (sentEvent) => {
		const { payload, event, execution } = await deliverAndRun(
			sentEvent,
			multipart('POST', sentEvent),
		);

		expect(execution.status).toBe('success');
		const [item] = outputOf(execution, 'Eigi Trigger');
		expect(item.event).toBe(event);
		expect(item.conversation_status).toBe(payload.conversation_status);
		expect(item.deduplication_key).toBe(`${event}:${payload.conversation_id}`);
		const [conversation] = outputOf(execution, 'Get Conversation');
		expect(conversation.conversation_id).toBe(payload.conversation_id);
	});

	it('matches the event name in any letter case', async () => {
		const { execution } = await deliverAndRun('Conversation.COMPLETED', (payload) => ({
			fields: deliveryFields('Conversation.COMPLETED', {
				...payload,
				event: 'Conversation.COMPLETED',
			}),
		}));

		const [item] = outputOf(execution, 'Eigi Trigger');
		expect(item.event).toBe(COMPLETED);
	});

	const id = { conversation_id: 'c-1' };
	const badDeliveries: Array<[string, DeliveryRequest, string, string]> = [
		['missing event', { fields: [['payload', JSON.stringify(id)]] }, 'event', 'no `event`'],
		[
			'unknown event',
			{ fields: deliveryFields('conversation.started', id) },
			'event',
			'"conversation.started"',
		],
		['missing payload', { fields: [['event', COMPLETED]] }, 'payload', 'no `payload`'],
		[
			'cut JSON payload',
			{ fields: deliveryFields(COMPLETED, '{"conversation_id":') },
			'payload',
			'not valid JSON',
		],
		[
			'payload a JSON array',
			{ fields: deliveryFields(COMPLETED, '[1]') },
			'payload',
			'expected a JSON object',
		],
		[
			'no conversation_id',
			{ fields: deliveryFields(COMPLETED, { notes: 'x' }) },
			'payload.conversation_id',
			'non-empty string',
		],
		[
			'duration not a number',
			{ fields: deliveryFields(COMPLETED, { ...id, conversation_duration: 'two minutes' }) },
			'payload.conversation_duration',
			'"two minutes"',
		],
		[
			'is_test_call not a boolean',
			{ fields: deliveryFields(COMPLETED, { ...id, is_test_call: 'yes' }) },
			'payload.is_test_call',
			'"yes"',
		],
		[
			'transcript content a number',
			{
				fields: deliveryFields(COMPLETED, {
					...id,
					conversation_transcript: [
						{ role: 'user', content: 'hi', timestamp: null },
						{ role: 'assistant', content: 7, timestamp: null },
					],
				}),
			},
			'payload.conversation_transcript[1].content',
			'is 7',
		],
		[
			'event twice with different values',
			{
				fields: [
					['event', COMPLETED],
					['event', 'conversation.failed'],
					['payload', JSON.stringify(id)],
				],
			},
			'event',
			'2 times with different values',
		],
		[
			'GET without event',
			{ method: 'GET', fields: [['payload', JSON.stringify(id)]] },
			'event',
			'no `event`',
		],
		[
			'plain-text body',
			{ format: 'raw', body: `event=${COMPLETED}`, contentType: 'text/plain' },
			'content-type',
			'multipart/form-data',
		],
	];

	it('bad deliveries get 400 naming the field, and no execution', async () => {
		const afterId = await lastExecutionId(flow.id);

		for (const [name, request, field, fragment] of badDeliveries) {
			const response = await sendDelivery(flow.webhookUrl, { method: 'POST', ...request });
			expect({ name, status: response.status }).toEqual({ name, status: 400 });
			expect({ name, body: response.body }).toMatchObject({
				name,
				body: { error: 'invalid_delivery', field },
			});
			expect({ name, message: response.body?.message }).toEqual({
				name,
				message: expect.stringContaining(fragment),
			});
		}

		// n8n's own JSON body parser rejects a broken JSON body before the trigger sees it.
		const brokenJson = await sendDelivery(flow.webhookUrl, {
			format: 'raw',
			body: '{"event": "conversation.completed", "payload": ',
			contentType: 'application/json',
		});
		expect(brokenJson.status).toBe(422);

		// A good delivery after the bad ones must be the only new execution.
		const marker = samplePayload(COMPLETED);
		await sendDelivery(flow.webhookUrl, {
			method: 'POST',
			fields: deliveryFields(COMPLETED, marker),
		});
		await waitForExecutions(flow.id, { afterId, count: 1 });
		const executions = await readExecutions(flow.id, afterId);
		expect(
			executions.map((execution) => outputOf(execution, 'Eigi Trigger')[0].conversation_id),
		).toEqual([marker.conversation_id]);
	});
});
