import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import {
	deliveryFields,
	e2eRun,
	lastExecutionId,
	registerConversation,
	samplePayload,
	sendDelivery,
	standInRequests,
	waitForExecutions,
	workflow,
} from './support/harness';

const COMPLETED = 'conversation.completed';

/** Sends a delivery for `conversationId` and returns the answer, its arrival time and the item. */
async function enrich(key: string, conversationId: string, overrides: IDataObject = {}) {
	const flow = workflow(key);
	const payload = samplePayload(COMPLETED, { conversation_id: conversationId, ...overrides });
	const afterId = await lastExecutionId(flow.id);
	const response = await sendDelivery(flow.webhookUrl, {
		method: 'POST',
		fields: deliveryFields(COMPLETED, payload),
	});
	const answeredAt = Date.now();
	expect(response.status).toBe(200);
	expect(response.body).toEqual({
		received: true,
		event: COMPLETED,
		conversation_id: conversationId,
	});

	const [execution] = await waitForExecutions(flow.id, { afterId, count: 1, timeoutMs: 90_000 });
	expect(execution.status).toBe('success');
	const items = execution.nodes['Eigi Trigger'][0].outputs[0];
	expect(items).toHaveLength(1);
	return { payload, answeredAt, item: items[0].json };
}

async function conversationRequests(conversationId: string) {
	return standInRequests(`/v1/public/conversations/${encodeURIComponent(conversationId)}`);
}

describe('Eigi Trigger enrichment in n8n', () => {
	it.each(['', 'wrapped-'])('merges the API conversation (id prefix "%s")', async (prefix) => {
		const conversationId = `${prefix}${randomUUID()}`;
		const registered = await registerConversation(conversationId, {
			notes: 'Customer asked for a callback.',
		});
		const metadata = registered.conversation_metadata as IDataObject;

		const { item } = await enrich('trigger-enrich', conversationId);

		expect(item.event).toBe(COMPLETED);
		expect(item.deduplication_key).toBe(`${COMPLETED}:${conversationId}`);
		expect(item.notes).toBe('Customer asked for a callback.');
		expect(item.conversation_recording_url).toBe(metadata.conversation_recording_url);
		expect(item.calling_type).toBe(metadata.calling_type);
		expect(item.conversation_duration).toBe(metadata.conversation_duration);
		expect(item.conversation_metadata).toEqual({ last_activity: metadata.last_activity });
		expect(item.created_at).toBe(registered.created_at);
		expect(item.updated_at).toBe(registered.updated_at);
		// The API drops the '+' of from_mobile_number; the delivery's E.164 form stays.
		expect(metadata.from_mobile_number).toBe('14155550999');
		expect(item.from_mobile_number).toBe('+14155550999');
		expect(item).not.toHaveProperty('enrichment_error');

		const requests = await conversationRequests(conversationId);
		expect(requests).toHaveLength(1);
		expect(requests[0].headers['x-api-key']).toBe(e2eRun().apiKey);
	});

	it('records a 404 on the item and still emits it', async () => {
		const conversationId = `missing-${randomUUID()}`;
		const { payload, item } = await enrich('trigger-enrich', conversationId);

		expect(item).toMatchObject({ ...payload, event: COMPLETED });
		expect(item.enrichment_error).toMatchObject({
			http_code: 404,
			message: expect.stringContaining('HTTP 404'),
		});
	});

	it('keeps a pending analysis without waiting', async () => {
		const conversationId = `pending-analysis-${randomUUID()}`;
		const { item } = await enrich('trigger-enrich', conversationId, {
			conversation_analysis: null,
		});

		expect(item.conversation_analysis).toBeNull();
		expect(await conversationRequests(conversationId)).toHaveLength(1);
	});

	it('waits for the analysis when asked', async () => {
		const conversationId = `pending-analysis-${randomUUID()}`;
		const { item } = await enrich('trigger-enrich-wait', conversationId, {
			conversation_analysis: null,
		});

		expect(item.conversation_analysis).toEqual([
			{ is_good: true, summary: 'Appointment confirmed for Tuesday.' },
		]);
		expect(await conversationRequests(conversationId)).toHaveLength(3);
	});

	it('answers eigi before the API responds', async () => {
		const conversationId = `slow-${randomUUID()}`;
		const { answeredAt, item } = await enrich('trigger-enrich', conversationId);

		const [request] = await conversationRequests(conversationId);
		// The stand-in answers slow-* requests 5 s after receiving them.
		expect(answeredAt).toBeLessThan(Date.parse(request.receivedAt) + 5000);
		expect(item.calling_type).toBeDefined();
		expect(item).not.toHaveProperty('enrichment_error');
	});

	it('records a 500 after the retries and still emits the item', async () => {
		const conversationId = `server-error-${randomUUID()}`;
		const { item } = await enrich('trigger-enrich', conversationId);

		expect(item.enrichment_error).toMatchObject({ http_code: 500 });
		expect((await conversationRequests(conversationId)).length).toBeGreaterThan(1);
	});

	it('still emits the delivery when the API is down', async () => {
		const { payload, item } = await enrich('trigger-enrich-api-down', randomUUID());

		expect(item).toMatchObject({ ...payload, event: COMPLETED });
		const error = item.enrichment_error as IDataObject;
		expect(error.message).toMatch(/^Could not connect to the eigi API/);
		expect(error).not.toHaveProperty('http_code');
	});
});
