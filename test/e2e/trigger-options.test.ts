import type { IDataObject } from 'n8n-workflow';

import {
	deliveryFields,
	e2eRun,
	lastExecutionId,
	n8nLog,
	readExecutions,
	samplePayload,
	sendDelivery,
	waitForExecutions,
	workflow,
} from './support/harness';
import type { Execution } from './support/harness';
import { DOCUMENTED_FIELDS } from '../support/documentedFields';

const COMPLETED = 'conversation.completed';
const EVENTS = ['conversation.completed', 'conversation.disconnected', 'conversation.failed'];
function triggerItems(execution: Execution) {
	return execution.nodes['Eigi Trigger'][0].outputs[0].map((item) => item.json);
}

/** Sends a good delivery, waits for its execution and returns it. */
async function runOnce(
	key: string,
	event: string,
	payload: IDataObject = samplePayload(event),
	url?: string,
) {
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
	const withQuery = (query: string) => `${flow.webhookUrl}?${query}`;
	const token = () => encodeURIComponent(e2eRun().webhookToken);

	it('missing or wrong token gets 401 and no execution', async () => {
		const afterId = await lastExecutionId(flow.id);
		const fields = deliveryFields(COMPLETED, samplePayload(COMPLETED));
		const rejected: Array<[string, string]> = [
			[flow.webhookUrl, 'no `token` query parameter'],
			[withQuery('token=wrong'), 'does not match'],
			[withQuery(`token=${token()}x`), ''],
			[withQuery(`token=${token()}&token=other`), ''],
		];

		for (const [url, fragment] of rejected) {
			for (const method of ['GET', 'POST'] as const) {
				const response = await sendDelivery(url, { method, fields });
				expect({ url, method, status: response.status }).toEqual({ url, method, status: 401 });
				expect(response.body).toMatchObject({ error: 'unauthorized' });
				expect(String(response.body?.message)).toContain(fragment);
				expect(response.text).not.toContain(e2eRun().webhookToken);
			}
		}

		const { execution } = await runOnce(
			'trigger-token',
			COMPLETED,
			undefined,
			withQuery(`token=${token()}`),
		);
		expect(await readExecutions(flow.id, afterId)).toEqual([execution]);
	});

	it.each(['GET', 'POST', 'PUT', 'PATCH'] as const)(
		'%s with the right token runs',
		async (method) => {
			const payload = samplePayload(COMPLETED);
			const afterId = await lastExecutionId(flow.id);
			const response = await sendDelivery(withQuery(`token=${token()}`), {
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

	it('accepts the same token given twice', async () => {
		const { execution } = await runOnce(
			'trigger-token',
			COMPLETED,
			undefined,
			withQuery(`token=${token()}&token=${token()}`),
		);
		expect(execution.status).toBe('success');
	});

	it('never writes the token to the n8n log', () => {
		expect(n8nLog()).not.toContain(e2eRun().webhookToken);
	});
});

describe('Eigi Trigger output per event in n8n', () => {
	const outputNames = ['Completed', 'Disconnected', 'Failed'];

	it.each(EVENTS.map((event, index) => [event, index] as const))(
		'%s leaves output %i',
		async (event, index) => {
			const { payload, execution } = await runOnce('trigger-per-event', event);

			const outputs = execution.nodes['Eigi Trigger'][0].outputs;
			expect(outputs.map((output) => output.length)).toEqual(
				outputNames.map((_, position) => (position === index ? 1 : 0)),
			);
			expect(outputs[index][0].json.conversation_id).toBe(payload.conversation_id);
			const ran = outputNames.filter((name) => execution.nodes[name] !== undefined);
			expect(ran).toEqual([outputNames[index]]);
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

		for (const isTestCall of [true, 'true']) {
			const testCall = await sendDelivery(flow.webhookUrl, {
				method: 'GET',
				fields: deliveryFields(COMPLETED, samplePayload(COMPLETED, { is_test_call: isTestCall })),
			});
			expect({ isTestCall, status: testCall.status }).toEqual({ isTestCall, status: 200 });
			expect(testCall.body).toEqual({ received: true, ignored: 'test_call' });
		}

		const { payload } = await runOnce(
			'trigger-filters',
			COMPLETED,
			samplePayload(COMPLETED, { is_test_call: false }),
		);
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

	it('sets every documented field of a minimal payload', async () => {
		const conversationId = samplePayload(COMPLETED).conversation_id;
		const { execution } = await runOnce('trigger-simplify', COMPLETED, {
			conversation_id: conversationId,
		});

		const [item] = triggerItems(execution);
		for (const field of DOCUMENTED_FIELDS) expect(item).toHaveProperty(field);
		expect(item.conversation_id).toBe(conversationId);
		expect(item.notes).toBeNull();
		expect(item.conversation_duration).toBeNull();
		expect(item.is_test_call).toBeNull();
		expect(item.conversation_analysis).toBeNull();
		expect(item.conversation_transcript).toEqual([]);
	});

	it('joins the transcript into transcript_text', async () => {
		const { execution } = await runOnce('trigger-simplify', COMPLETED);

		const [item] = triggerItems(execution);
		expect(item.transcript_text).toBe(
			'assistant: Hello, this is the eigi assistant.\nuser: Hi, I would like to confirm Tuesday.',
		);
	});
});
