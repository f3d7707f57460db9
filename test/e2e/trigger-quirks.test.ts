import {
	deliveryFields,
	lastExecutionId,
	samplePayload,
	sendDelivery,
	waitForExecutions,
	workflow,
} from './support/harness';
import type { DeliveryRequest } from './support/harness';

const COMPLETED = 'conversation.completed';
const flow = workflow('trigger-quirks');

async function deliverItem(request: DeliveryRequest) {
	const afterId = await lastExecutionId(flow.id);
	const response = await sendDelivery(flow.webhookUrl, request);
	expect({ status: response.status, body: response.body }).toMatchObject({
		status: 200,
		body: { received: true },
	});
	const [execution] = await waitForExecutions(flow.id, { afterId, count: 1 });
	expect(execution.status).toBe('success');
	return execution.nodes['Eigi Trigger'][0].outputs[0][0].json;
}

describe('Eigi Trigger delivery quirks in n8n', () => {
	it('accepts a field repeated with the same value', async () => {
		const payload = samplePayload(COMPLETED);
		const fields = deliveryFields(COMPLETED, payload);
		const item = await deliverItem({ method: 'POST', fields: [...fields, ...fields] });

		expect(item.conversation_id).toBe(payload.conversation_id);
		expect(item.event).toBe(COMPLETED);
	});

	it('reads a payload sent as a file part', async () => {
		const payload = samplePayload(COMPLETED);
		const item = await deliverItem({
			method: 'PUT',
			fields: [
				['event', COMPLETED],
				['payload', { file: JSON.stringify(payload), fileName: 'payload.json' }],
			],
		});

		expect(item).toMatchObject({ ...payload, event: COMPLETED });
	});

	it('restores a + that a GET query turned into a space', async () => {
		const payload = samplePayload(COMPLETED, { conversation_transcript: [] });
		// eigi's GET URL may leave the '+' of E.164 numbers unencoded; a query decodes it as a space.
		const rawQuery = `event=${COMPLETED}&payload=${encodeURIComponent(JSON.stringify(payload)).replace(/%2B/g, '+')}`;
		const item = await deliverItem({ method: 'GET', rawQuery });

		expect(item.to_mobile_number).toBe('+14155550123');
		expect(item.from_mobile_number).toBe('+14155550999');
	});

	const text =
		'Rabatt 50% #1 & mehr * 😀👍🏽 مرحبا بالعالم 你好，世界 zero\u200bwidth\u200d\ufeff end';

	it.each(['GET', 'POST'] as const)('%s round-trips special characters', async (method) => {
		const payload = samplePayload(COMPLETED, {
			notes: text,
			conversation_transcript: [{ role: 'user', content: text, timestamp: null }],
		});
		const item = await deliverItem({ method, fields: deliveryFields(COMPLETED, payload) });

		expect(item.notes).toBe(text);
		const [turn] = item.conversation_transcript as Array<{ content: string }>;
		expect(turn.content).toBe(text);
		expect(Buffer.from(turn.content, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
	});

	it('takes a 2 MB transcript of 5,000 turns as multipart', async () => {
		const turns = Array.from({ length: 5000 }, (_, index) => ({
			role: index % 2 === 0 ? 'assistant' : 'user',
			content: `Turn ${index}: ${'lorem ipsum dolor sit amet '.repeat(14)}`,
			timestamp: '2025-12-03T14:14:23.735228+00:00',
		}));
		const payload = samplePayload(COMPLETED, { conversation_transcript: turns });
		const serialised = JSON.stringify(payload);
		expect(serialised.length).toBeGreaterThan(2_000_000);

		const item = await deliverItem({ method: 'POST', fields: deliveryFields(COMPLETED, payload) });

		const received = item.conversation_transcript as typeof turns;
		expect(received).toHaveLength(5000);
		expect(received[4999]).toEqual(turns[4999]);
	});

	it('passes null, "" and a missing key through unchanged', async () => {
		const payload = samplePayload(COMPLETED, { notes: '', conversation_recording_url: null });
		delete payload.conversation_duration;
		const item = await deliverItem({ method: 'PATCH', fields: deliveryFields(COMPLETED, payload) });

		expect(item.notes).toBe('');
		expect(item.conversation_recording_url).toBeNull();
		expect(item).not.toHaveProperty('conversation_duration');
	});
});
