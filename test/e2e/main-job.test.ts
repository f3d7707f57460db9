import {
	deliveryFields,
	e2eRun,
	lastExecutionId,
	samplePayload,
	sendDelivery,
	standInRequests,
	waitForExecutions,
	workflow,
} from './support/harness';
import type { DeliveryRequest, Execution } from './support/harness';

const EVENTS = ['conversation.completed', 'conversation.disconnected', 'conversation.failed'];
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

/** Sends one delivery and returns the single execution it started. */
async function deliverAndRun(event: string, request: DeliveryRequest) {
	const payload = samplePayload(event);
	const afterId = await lastExecutionId(flow.id);
	const response = await sendDelivery(flow.webhookUrl, {
		...request,
		fields: deliveryFields(event, payload),
	});

	expect(response.status).toBe(200);
	expect(response.body).toEqual({
		received: true,
		event,
		conversation_id: payload.conversation_id,
	});
	const executions = await waitForExecutions(flow.id, { afterId, count: 1 });
	expect(executions).toHaveLength(1);
	return { payload, execution: executions[0] };
}

describe('Eigi Trigger to Get Conversation in n8n', () => {
	it.each([
		['GET', 'query'],
		['POST', 'multipart'],
		['PUT', 'multipart'],
		['PATCH', 'multipart'],
	] as const)('%s delivery as %s runs the workflow', async (method, format) => {
		const event = 'conversation.completed';
		const { payload, execution } = await deliverAndRun(event, { method, format });
		const conversationId = payload.conversation_id;

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

	it.each(EVENTS)('%s reaches the workflow with its event', async (event) => {
		const { payload, execution } = await deliverAndRun(event, { method: 'POST' });

		expect(execution.status).toBe('success');
		const [item] = outputOf(execution, 'Eigi Trigger');
		expect(item.event).toBe(event);
		expect(item.conversation_status).toBe(payload.conversation_status);
		expect(item.deduplication_key).toBe(`${event}:${payload.conversation_id}`);
		const [conversation] = outputOf(execution, 'Get Conversation');
		expect(conversation.conversation_id).toBe(payload.conversation_id);
	});

	const completed = 'conversation.completed';
	const badDeliveries: Array<[string, DeliveryRequest, string]> = [
		['missing event', { fields: [['payload', '{"conversation_id":"c-1"}']] }, 'event'],
		[
			'unknown event',
			{ fields: deliveryFields('conversation.started', { conversation_id: 'c-1' }) },
			'event',
		],
		['missing payload', { fields: [['event', completed]] }, 'payload'],
		['payload not JSON', { fields: deliveryFields(completed, '{conversation_id: c-1') }, 'payload'],
		['payload a JSON array', { fields: deliveryFields(completed, '[1,2]') }, 'payload'],
		[
			'payload without conversation_id',
			{ fields: deliveryFields(completed, { notes: 'x' }) },
			'payload.conversation_id',
		],
		[
			'event repeated with different values',
			{
				fields: [
					['event', completed],
					['event', 'conversation.failed'],
					['payload', '{"conversation_id":"c-1"}'],
				],
			},
			'event',
		],
		[
			'GET with missing event',
			{ method: 'GET', fields: [['payload', '{"conversation_id":"c-1"}']] },
			'event',
		],
	];

	it('bad deliveries get 400 and start no execution', async () => {
		const afterId = await lastExecutionId(flow.id);

		for (const [name, request, field] of badDeliveries) {
			const response = await sendDelivery(flow.webhookUrl, { method: 'POST', ...request });
			expect({ name, status: response.status }).toEqual({ name, status: 400 });
			expect({ name, body: response.body }).toMatchObject({
				name,
				body: { error: 'invalid_delivery', field },
			});
			expect(typeof response.body?.message).toBe('string');
		}

		// A good delivery after the bad ones must be the only new execution.
		const marker = samplePayload(completed);
		await sendDelivery(flow.webhookUrl, {
			method: 'POST',
			fields: deliveryFields(completed, marker),
		});
		const executions = await waitForExecutions(flow.id, { afterId, count: 1 });
		expect(executions).toHaveLength(1);
		const [item] = outputOf(executions[0], 'Eigi Trigger');
		expect(item.conversation_id).toBe(marker.conversation_id);
	});
});
