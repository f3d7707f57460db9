import {
	deliveryFields,
	e2eRun,
	lastExecutionId,
	readExecutions,
	registerConversation,
	samplePayload,
	sendDelivery,
	standInRequests,
	waitForExecutions,
	workflow,
} from './support/harness';
import type { Execution } from './support/harness';

const COMPLETED = 'conversation.completed';
const EVENTS = ['conversation.completed', 'conversation.disconnected', 'conversation.failed'];

function triggerItems(execution: Execution) {
	return execution.nodes['Eigi Trigger'][0].outputs[0].map((item) => item.json);
}

/** Sends a good delivery, waits for its execution and returns it. */
async function runOnce(key: string, event: string, payload = samplePayload(event), url?: string) {
	const flow = workflow(key);
	const afterId = await lastExecutionId(flow.id);
	const response = await sendDelivery(url ?? flow.webhookUrl, {
		method: 'POST',
		fields: deliveryFields(event, payload),
	});
	expect(response.status).toBe(200);
	const executions = await waitForExecutions(flow.id, { afterId, count: 1 });
	expect(executions).toHaveLength(1);
	return { payload, execution: executions[0] };
}

describe('Eigi Trigger token authentication in n8n', () => {
	const flow = workflow('trigger-token');
	const withToken = (token: string) => `${flow.webhookUrl}?token=${encodeURIComponent(token)}`;

	it('missing or wrong token gets 401 and no execution', async () => {
		const afterId = await lastExecutionId(flow.id);
		const fields = deliveryFields(COMPLETED, samplePayload(COMPLETED));
		const urls = [
			flow.webhookUrl,
			withToken('wrong-token'),
			withToken(`${e2eRun().webhookToken}x`),
		];

		for (const url of urls) {
			for (const method of ['GET', 'POST'] as const) {
				const response = await sendDelivery(url, { method, fields });
				expect({ url, method, status: response.status }).toEqual({ url, method, status: 401 });
				expect(response.body).toMatchObject({ error: 'unauthorized' });
				expect(response.text).not.toContain(e2eRun().webhookToken);
			}
		}

		const { execution } = await runOnce(
			'trigger-token',
			COMPLETED,
			undefined,
			withToken(e2eRun().webhookToken),
		);
		expect(execution.id).toBeGreaterThan(afterId);
		expect(await readExecutions(flow.id, afterId)).toHaveLength(1);
	});

	it.each(['GET', 'POST', 'PUT', 'PATCH'] as const)(
		'%s with the right token runs',
		async (method) => {
			const payload = samplePayload(COMPLETED);
			const afterId = await lastExecutionId(flow.id);
			const response = await sendDelivery(withToken(e2eRun().webhookToken), {
				method,
				fields: deliveryFields(COMPLETED, payload),
			});

			expect(response.status).toBe(200);
			const [execution] = await waitForExecutions(flow.id, { afterId, count: 1 });
			const [item] = triggerItems(execution);
			expect(item.conversation_id).toBe(payload.conversation_id);
			expect(item).not.toHaveProperty('token');
			expect(JSON.stringify(execution)).not.toContain(e2eRun().webhookToken);
		},
	);
});

describe('Eigi Trigger output per event in n8n', () => {
	const outputNames = ['Completed', 'Disconnected', 'Failed'];

	it.each(EVENTS.map((event, index) => [event, index]))(
		'%s leaves output %i',
		async (event, index) => {
			const { payload, execution } = await runOnce('trigger-per-event', event as string);

			const outputs = execution.nodes['Eigi Trigger'][0].outputs;
			expect(outputs.map((output) => output.length)).toEqual(
				outputNames.map((_, position) => (position === index ? 1 : 0)),
			);
			expect(outputs[index as number][0].json.conversation_id).toBe(payload.conversation_id);
			const ran = outputNames.filter((name) => execution.nodes[name] !== undefined);
			expect(ran).toEqual([outputNames[index as number]]);
		},
	);
});

describe('Eigi Trigger event and test-call filters in n8n', () => {
	const flow = workflow('trigger-filters');

	it('unselected events and test calls get 200 and no execution', async () => {
		const afterId = await lastExecutionId(flow.id);

		const disconnected = await sendDelivery(flow.webhookUrl, {
			method: 'POST',
			fields: deliveryFields(
				'conversation.disconnected',
				samplePayload('conversation.disconnected'),
			),
		});
		expect(disconnected.status).toBe(200);
		expect(disconnected.body).toEqual({ received: true, ignored: 'event_not_selected' });

		const testCall = await sendDelivery(flow.webhookUrl, {
			method: 'GET',
			fields: deliveryFields(COMPLETED, samplePayload(COMPLETED, { is_test_call: true })),
		});
		expect(testCall.status).toBe(200);
		expect(testCall.body).toEqual({ received: true, ignored: 'test_call' });

		const { payload } = await runOnce('trigger-filters', COMPLETED);
		const executions = await readExecutions(flow.id, afterId);
		expect(executions.map((execution) => triggerItems(execution)[0].conversation_id)).toEqual([
			payload.conversation_id,
		]);
	});
});

describe('Eigi Trigger simplify in n8n', () => {
	it('types strings and fills a null transcript', async () => {
		const payload = samplePayload(COMPLETED, {
			conversation_duration: '142',
			is_test_call: 'false',
			conversation_type: 'Daily',
			conversation_transcript: null,
			notes: '',
		});
		const { execution } = await runOnce('trigger-simplify', COMPLETED, payload);

		const [item] = triggerItems(execution);
		expect(item.conversation_duration).toBe(142);
		expect(item.is_test_call).toBe(false);
		expect(item.conversation_type).toBe('DAILY');
		expect(item.conversation_transcript).toEqual([]);
		expect(item.transcript_text).toBe('');
		expect(item.notes).toBeNull();
	});

	it('joins the transcript into transcript_text', async () => {
		const { execution } = await runOnce('trigger-simplify', COMPLETED);

		const [item] = triggerItems(execution);
		expect(item.transcript_text).toBe(
			'assistant: Hello, this is the eigi assistant.\nuser: Hi, I would like to confirm Tuesday.',
		);
	});
});

describe('Eigi Trigger enrichment in n8n', () => {
	it('merges the API conversation under the webhook names', async () => {
		const conversationId = `pending-analysis-${samplePayload(COMPLETED).conversation_id}`;
		const payload = samplePayload(COMPLETED, {
			conversation_id: conversationId,
			conversation_analysis: null,
		});
		const registered = await registerConversation(conversationId, {
			notes: 'Customer asked for a callback.',
		});
		const metadata = registered.conversation_metadata as Record<string, unknown>;

		const { execution } = await runOnce('trigger-enrich', COMPLETED, payload);

		expect(execution.status).toBe('success');
		const [item] = triggerItems(execution);
		expect(item.conversation_id).toBe(conversationId);
		expect(item.event).toBe(COMPLETED);
		expect(item.notes).toBe('Customer asked for a callback.');
		expect(item.conversation_recording_url).toBe(metadata.conversation_recording_url);
		expect(item.calling_type).toBe(metadata.calling_type);
		// The API omits the '+' of from_mobile_number; the delivery's E.164 form stays.
		expect(item.from_mobile_number).toBe('+14155550999');
		expect(item.conversation_analysis).toEqual(registered.conversation_analysis);
		expect(item).not.toHaveProperty('enrichment_error');

		const requests = await standInRequests(`/v1/public/conversations/${conversationId}`);
		expect(requests.length).toBe(3);
		expect(requests.every((request) => request.headers['x-api-key'] === e2eRun().apiKey)).toBe(
			true,
		);
	});

	it('still emits the delivery when the API is down', async () => {
		const { payload, execution } = await runOnce('trigger-enrich-api-down', COMPLETED);

		expect(execution.status).toBe('success');
		const [item] = triggerItems(execution);
		expect(item).toMatchObject({ ...payload, event: COMPLETED });
		expect(item.enrichment_error).toEqual(expect.objectContaining({ message: expect.any(String) }));
		expect(execution.nodes.Received[0].outputs[0]).toHaveLength(1);
	});
});
