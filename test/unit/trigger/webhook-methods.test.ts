import { EigiTrigger } from '../../../nodes/EigiTrigger/EigiTrigger.node';
import { samplePayload } from './deliveries';
import type { BuiltRequest } from './requests';
import { jsonDelivery, multipartEvent, queryDelivery, urlencodedDelivery } from './requests';
import { callWebhook, emittedItems } from './webhookHarness';

const EVENT = 'conversation.completed';
const CONVERSATION_ID = 'a28e7071-508e-4d45-8887-085531aafaba';

async function deliver({ request, fileContents }: BuiltRequest) {
	return await callWebhook(request, {}, fileContents);
}

describe('Eigi Trigger webhook descriptions', () => {
	const { webhooks } = new EigiTrigger().description;

	it('serves GET, POST, PUT and PATCH on one path', () => {
		expect(webhooks?.map((webhook) => webhook.httpMethod)).toEqual(['GET', 'POST', 'PUT', 'PATCH']);
		for (const webhook of webhooks ?? []) {
			expect(webhook).toMatchObject({
				name: 'default',
				path: 'eigi',
				responseMode: 'onReceived',
				responseData: '',
			});
			expect(webhook.isFullPath).toBeUndefined();
		}
	});
});

describe('webhook() accepts every delivery format', () => {
	const payload = samplePayload();
	const cases: Array<[string, BuiltRequest]> = [
		['GET with a query string', queryDelivery(EVENT, payload)],
		['POST multipart', multipartEvent('POST', EVENT, payload)],
		['PUT multipart', multipartEvent('PUT', EVENT, payload)],
		['PATCH multipart', multipartEvent('PATCH', EVENT, payload)],
		[
			'POST JSON, payload string',
			jsonDelivery('POST', { event: EVENT, payload: JSON.stringify(payload) }),
		],
		['POST JSON, payload object', jsonDelivery('POST', { event: EVENT, payload })],
		['PUT JSON, payload object', jsonDelivery('PUT', { event: EVENT, payload })],
		[
			'PATCH urlencoded',
			urlencodedDelivery('PATCH', { event: EVENT, payload: JSON.stringify(payload) }),
		],
		[
			'POST urlencoded',
			urlencodedDelivery('POST', { event: EVENT, payload: JSON.stringify(payload) }),
		],
	];

	it.each(cases)('%s: answers 200 and emits the payload', async (_name, built) => {
		const outcome = await deliver(built);

		expect(outcome.status).toBe(200);
		expect(outcome.body).toEqual({
			received: true,
			event: EVENT,
			conversation_id: CONVERSATION_ID,
		});
		expect(emittedItems(outcome)).toEqual([
			{ ...payload, event: EVENT, deduplication_key: `${EVENT}:${CONVERSATION_ID}` },
		]);
	});

	it('accepts a payload object in a JSON body', async () => {
		const outcome = await deliver(
			jsonDelivery('POST', { event: EVENT, payload: { conversation_id: 'c-object' } }),
		);

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)).toEqual([
			{ conversation_id: 'c-object', event: EVENT, deduplication_key: `${EVENT}:c-object` },
		]);
	});

	it.each([['conversation.completed'], ['conversation.disconnected'], ['conversation.failed']])(
		'emits %s with event and key set',
		async (event) => {
			const outcome = await deliver(multipartEvent('POST', event, samplePayload({ event })));

			expect(outcome.status).toBe(200);
			expect(emittedItems(outcome)[0]).toMatchObject({
				event,
				deduplication_key: `${event}:${CONVERSATION_ID}`,
			});
		},
	);

	it('matches the event name case-insensitively and emits it in lower case', async () => {
		const outcome = await deliver(
			multipartEvent(
				'POST',
				'Conversation.COMPLETED',
				samplePayload({ event: 'CONVERSATION.completed' }),
			),
		);

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)[0].event).toBe(EVENT);
	});

	it('keeps unknown fields and unknown enum values untouched', async () => {
		const payload = samplePayload({
			conversation_type: 'Daily',
			telephony_provider: 'VONAGE',
			dynamic_variables: { plan: 'gold', retries: 2 },
		});
		const outcome = await deliver(multipartEvent('POST', EVENT, payload));

		expect(emittedItems(outcome)[0]).toMatchObject({
			conversation_type: 'Daily',
			telephony_provider: 'VONAGE',
			dynamic_variables: { plan: 'gold', retries: 2 },
		});
	});

	it('emits the item on the single input of execute()', async () => {
		const outcome = await deliver(queryDelivery(EVENT, samplePayload()));

		expect(outcome.result.workflowData).toHaveLength(1);
		expect(outcome.result.workflowData?.[0]).toHaveLength(1);
		expect(outcome.result.noWebhookResponse).toBeUndefined();
	});
});
