import type { IDataObject } from 'n8n-workflow';

import { samplePayload } from './deliveries';
import { multipartEvent, queryDelivery } from './requests';
import { callWebhook, emittedItems } from './webhookHarness';

describe('event filter', () => {
	const parameters = { events: ['conversation.completed', 'conversation.failed'] };

	it('ignores an unselected event with 200 and no execution', async () => {
		const built = multipartEvent(
			'POST',
			'conversation.disconnected',
			samplePayload({ event: undefined }),
		);
		const outcome = await callWebhook(built.request, { parameters }, built.fileContents);

		expect(outcome.status).toBe(200);
		expect(outcome.body).toEqual({ received: true, ignored: 'event_not_selected' });
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it('emits a selected event', async () => {
		const built = multipartEvent(
			'POST',
			'conversation.failed',
			samplePayload({ event: undefined }),
		);
		const outcome = await callWebhook(built.request, { parameters }, built.fileContents);

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)).toHaveLength(1);
	});

	it('ignores an unselected event before reading its payload', async () => {
		const built = queryDelivery('conversation.disconnected', 'not json at all');
		const outcome = await callWebhook(built.request, { parameters }, built.fileContents);

		expect(outcome.status).toBe(200);
		expect(outcome.body).toEqual({ received: true, ignored: 'event_not_selected' });
	});

	it('still rejects an unknown event with 400', async () => {
		const built = queryDelivery('conversation.started', samplePayload());
		const outcome = await callWebhook(built.request, { parameters }, built.fileContents);

		expect(outcome.status).toBe(400);
	});
});

describe('include test calls', () => {
	async function deliverWithTestCallsOff(isTestCall: IDataObject[string]) {
		const payload = samplePayload({ is_test_call: isTestCall });
		const built = multipartEvent('POST', 'conversation.completed', payload);
		const parameters = { options: { includeTestCalls: false } };
		return await callWebhook(built.request, { parameters }, built.fileContents);
	}

	it.each([[true], ['true'], ['TRUE']])('off: ignores is_test_call %p', async (isTestCall) => {
		const outcome = await deliverWithTestCallsOff(isTestCall);

		expect(outcome.status).toBe(200);
		expect(outcome.body).toEqual({ received: true, ignored: 'test_call' });
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it.each([[false], ['false'], [null], [''], [undefined]])(
		'off: emits is_test_call %p',
		async (isTestCall) => {
			const outcome = await deliverWithTestCallsOff(isTestCall);

			expect(emittedItems(outcome)).toHaveLength(1);
		},
	);

	it('on by default: emits a test call', async () => {
		const built = multipartEvent(
			'POST',
			'conversation.completed',
			samplePayload({ is_test_call: true }),
		);
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(emittedItems(outcome)).toEqual([expect.objectContaining({ is_test_call: true })]);
	});
});
