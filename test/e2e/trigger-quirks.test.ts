import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	deliveryFields,
	lastExecutionId,
	samplePayload,
	sendDelivery,
	waitForExecutions,
	workflow,
} from './support/harness';
import type { DeliveryRequest, ExecutedItem } from './support/harness';

const COMPLETED = 'conversation.completed';
const OPTIONAL_FIELDS = [
	'notes',
	'conversation_duration',
	'is_test_call',
	'conversation_transcript',
	'conversation_analysis',
];

async function deliverItem(
	request: DeliveryRequest,
	key = 'trigger-quirks',
): Promise<ExecutedItem> {
	const flow = workflow(key);
	const afterId = await lastExecutionId(flow.id);
	const response = await sendDelivery(flow.webhookUrl, request);
	expect({ status: response.status, body: response.body }).toMatchObject({
		status: 200,
		body: { received: true },
	});

	const [execution] = await waitForExecutions(flow.id, { afterId, count: 1 });
	expect(execution.status).toBe('success');
	return execution.nodes['Eigi Trigger'][0].outputs[0][0];
}

async function expectRejected(request: DeliveryRequest, field: string, fragment: string) {
	const response = await sendDelivery(workflow('trigger-quirks').webhookUrl, request);
	expect(response.status).toBe(400);
	expect(response.body).toMatchObject({ error: 'invalid_delivery', field });
	expect(String(response.body?.message)).toContain(fragment);
}

function sameBytes(received: unknown, sent: string) {
	return Buffer.from(String(received), 'utf8').equals(Buffer.from(sent, 'utf8'));
}

describe('Eigi Trigger delivery quirks in n8n', () => {
	it('accepts fields repeated with the same value', async () => {
		const payload = samplePayload(COMPLETED);
		const fields = deliveryFields(COMPLETED, payload);
		const { json } = await deliverItem({ method: 'POST', fields: [...fields, ...fields] });

		expect(json.conversation_id).toBe(payload.conversation_id);
		expect(json.event).toBe(COMPLETED);
	});

	it('rejects a payload repeated with different values', async () => {
		const fields = deliveryFields(COMPLETED, samplePayload(COMPLETED));
		await expectRejected(
			{
				method: 'POST',
				fields: [...fields, ['payload', JSON.stringify(samplePayload(COMPLETED))]],
			},
			'payload',
			'different values',
		);
	});

	it('reads a payload sent as a file part', async () => {
		const payload = samplePayload(COMPLETED);
		const item = await deliverItem({
			method: 'PUT',
			fields: [
				['event', COMPLETED],
				[
					'payload',
					{ file: JSON.stringify(payload), fileName: 'payload.json', type: 'application/json' },
				],
			],
		});

		expect(item.json).toMatchObject({ ...payload, event: COMPLETED });
		expect(item.binary.payload?.mimeType).toBe('application/json');
	});

	it('rejects a file part that is not JSON', async () => {
		await expectRejected(
			{
				method: 'POST',
				fields: [
					['event', COMPLETED],
					['payload', { file: 'conversation_id=x', fileName: 'payload.json' }],
				],
			},
			'payload',
			'not valid JSON',
		);
	});

	it('restores a + that a GET query turned into a space', async () => {
		const payload = samplePayload(COMPLETED, {
			conversation_transcript: [{ role: 'user', content: 'a+b', timestamp: null }],
		});
		// eigi may leave '+' unencoded in a GET URL; query decoding turns it into a space.
		const rawPayload = encodeURIComponent(JSON.stringify(payload)).replace(/%2B/g, '+');
		const { json } = await deliverItem({
			method: 'GET',
			rawQuery: `event=${COMPLETED}&payload=${rawPayload}`,
		});

		expect(json.to_mobile_number).toBe('+14155550123');
		expect(json.from_mobile_number).toBe('+14155550999');
		// Only phone numbers can be repaired: elsewhere a space cannot be told from a decoded '+'.
		expect((json.conversation_transcript as IDataObject[])[0].content).toBe('a b');
	});

	const text =
		'100% sure #1 & *starred* a+b=c 😀 👩‍👩‍👧 مرحبا שלום 你好 zero\u200bwidth\u200c\u200d\ufeff';
	const bodies: Array<[string, (payload: IDataObject) => DeliveryRequest]> = [
		['GET', (payload) => ({ method: 'GET', fields: deliveryFields(COMPLETED, payload) })],
		[
			'multipart POST',
			(payload) => ({ method: 'POST', fields: deliveryFields(COMPLETED, payload) }),
		],
		[
			'JSON POST',
			(payload) => ({ method: 'POST', format: 'json', body: { event: COMPLETED, payload } }),
		],
	];

	it.each(bodies)('%s keeps special characters byte for byte', async (_name, buildRequest) => {
		const conversationId = `conv-%#&*-😀${randomUUID()}`;
		const payload = samplePayload(COMPLETED, {
			conversation_id: conversationId,
			notes: text,
			conversation_transcript: [{ role: 'user', content: text, timestamp: null }],
		});
		const { json } = await deliverItem(buildRequest(payload));

		expect(sameBytes(json.notes, text)).toBe(true);
		expect(sameBytes((json.conversation_transcript as IDataObject[])[0].content, text)).toBe(true);
		expect(sameBytes(json.conversation_id, conversationId)).toBe(true);
		expect(json.deduplication_key).toBe(`${COMPLETED}:${conversationId}`);
	});

	it('takes a 2 MB transcript of 5,000 turns as multipart', async () => {
		const turns = Array.from({ length: 5000 }, (_, index) => ({
			role: index % 2 === 0 ? 'assistant' : 'user',
			content: `Turn ${index}: ${'lorem ipsum dolor sit amet '.repeat(14)}`,
			timestamp: '2025-12-03T14:14:23.735228+00:00',
		}));
		const payload = samplePayload(COMPLETED, { conversation_transcript: turns });
		expect(JSON.stringify(payload).length).toBeGreaterThan(2_000_000);

		const { json } = await deliverItem({
			method: 'POST',
			fields: deliveryFields(COMPLETED, payload),
		});

		const received = json.conversation_transcript as typeof turns;
		expect(received).toHaveLength(5000);
		expect(sameBytes(JSON.stringify(received), JSON.stringify(turns))).toBe(true);
	});

	const blanks: Array<[string, (payload: IDataObject) => void]> = [
		['null', (payload) => OPTIONAL_FIELDS.forEach((field) => (payload[field] = null))],
		['a missing key', (payload) => OPTIONAL_FIELDS.forEach((field) => delete payload[field])],
		['""', (payload) => OPTIONAL_FIELDS.forEach((field) => (payload[field] = ''))],
	];

	it.each(blanks)('keeps %s in optional fields as sent', async (_name, blank) => {
		const payload: IDataObject = samplePayload(COMPLETED);
		blank(payload);
		const { json } = await deliverItem({
			method: 'PATCH',
			fields: deliveryFields(COMPLETED, payload),
		});

		for (const field of OPTIONAL_FIELDS) {
			if (field in payload)
				expect({ field, value: json[field] }).toEqual({ field, value: payload[field] });
			else expect(json).not.toHaveProperty(field);
		}
	});

	it.each(blanks)('simplifies %s in optional fields to null', async (_name, blank) => {
		const payload: IDataObject = samplePayload(COMPLETED);
		blank(payload);
		const { json } = await deliverItem(
			{ method: 'POST', fields: deliveryFields(COMPLETED, payload) },
			'trigger-simplify',
		);

		for (const field of OPTIONAL_FIELDS.filter((name) => name !== 'conversation_transcript')) {
			expect({ field, value: json[field] }).toEqual({ field, value: null });
		}
		expect(json.conversation_transcript).toEqual([]);
	});
});
