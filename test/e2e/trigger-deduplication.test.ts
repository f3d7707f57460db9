import { sleep } from 'n8n-workflow';

import {
	deliveryFields,
	lastExecutionId,
	samplePayload,
	sendDelivery,
	waitForExecutions,
	workflow,
} from './support/harness';
import type { DeliveryResponse, Execution } from './support/harness';

// eigi makes up to 4 delivery attempts, 10 s apart, when it sees no 2xx.
const RETRY_INTERVAL_MS = 10_000;
const ATTEMPTS = 4;
const COMPLETED = 'conversation.completed';
const OVERLAPPING = 20;

const dedupOn = workflow('trigger-dedup-on');
const dedupOff = workflow('trigger-dedup-off');

function deliveredIds(executions: Execution[]) {
	return executions.map((execution) => {
		const [item] = execution.nodes['Eigi Trigger'][0].outputs[0];
		return `${item.json.event}:${item.json.conversation_id}`;
	});
}

describe('Eigi Trigger de-duplication in n8n', () => {
	it('retries 10 s apart start one execution with it on, four with it off', async () => {
		const first = samplePayload(COMPLETED);
		const second = samplePayload(COMPLETED);
		const afterOn = await lastExecutionId(dedupOn.id);
		const afterOff = await lastExecutionId(dedupOff.id);
		const responsesOn: Record<string, DeliveryResponse[]> = { first: [], second: [] };

		// The second conversation's attempts start after the first one's execution has saved the
		// workflow's static data, so they exercise a workflow that already has recorded keys.
		for (let round = 0; round <= ATTEMPTS; round++) {
			if (round < ATTEMPTS) {
				const fields = deliveryFields(COMPLETED, first);
				responsesOn.first.push(await sendDelivery(dedupOn.webhookUrl, { method: 'POST', fields }));
				const off = await sendDelivery(dedupOff.webhookUrl, { method: 'POST', fields });
				expect(off.body).toEqual({
					received: true,
					event: COMPLETED,
					conversation_id: first.conversation_id,
				});
			}
			if (round > 0) {
				const fields = deliveryFields(COMPLETED, second);
				responsesOn.second.push(await sendDelivery(dedupOn.webhookUrl, { method: 'POST', fields }));
			}
			if (round < ATTEMPTS) await sleep(RETRY_INTERVAL_MS);
		}

		for (const responses of [responsesOn.first, responsesOn.second]) {
			expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
			expect(responses[0].body).toMatchObject({ received: true, event: COMPLETED });
			for (const repeat of responses.slice(1)) {
				expect(repeat.body).toEqual({ received: true, ignored: 'duplicate' });
			}
		}

		// The same conversation with another event has another de-duplication key.
		const failed = await sendDelivery(dedupOn.webhookUrl, {
			method: 'POST',
			fields: deliveryFields('conversation.failed', { ...first, event: 'conversation.failed' }),
		});
		expect(failed.body).toMatchObject({ event: 'conversation.failed' });

		const off = await waitForExecutions(dedupOff.id, { afterId: afterOff, count: ATTEMPTS });
		expect(deliveredIds(off)).toEqual(
			Array(ATTEMPTS).fill(`${COMPLETED}:${first.conversation_id}`),
		);
		const on = await waitForExecutions(dedupOn.id, { afterId: afterOn, count: 3 });
		expect(deliveredIds(on)).toEqual([
			`${COMPLETED}:${first.conversation_id}`,
			`${COMPLETED}:${second.conversation_id}`,
			`conversation.failed:${first.conversation_id}`,
		]);
		expect(on.map((execution) => execution.status)).toEqual(['success', 'success', 'success']);
	});

	it('each item carries its de-duplication key', async () => {
		const payload = samplePayload('conversation.disconnected');
		const afterId = await lastExecutionId(dedupOn.id);
		await sendDelivery(dedupOn.webhookUrl, {
			method: 'PUT',
			fields: deliveryFields('conversation.disconnected', payload),
		});

		const [execution] = await waitForExecutions(dedupOn.id, { afterId, count: 1 });
		const [item] = execution.nodes.Received[0].outputs[0];
		expect(item.json.deduplication_key).toBe(
			`conversation.disconnected:${payload.conversation_id}`,
		);
	});

	it('repeats of 20 overlapping deliveries start no execution', async () => {
		const payloads = Array.from({ length: OVERLAPPING }, () => samplePayload(COMPLETED));
		const send = async (payload: (typeof payloads)[number]) =>
			await sendDelivery(dedupOn.webhookUrl, {
				method: 'POST',
				fields: deliveryFields(COMPLETED, payload),
			});
		const afterId = await lastExecutionId(dedupOn.id);

		// All 20 in flight at once, so their executions overlap and each saves its own copy of
		// the workflow's static data.
		const firsts = await Promise.all(payloads.map(send));
		const executions = await waitForExecutions(dedupOn.id, { afterId, count: OVERLAPPING });
		const lastId = await lastExecutionId(dedupOn.id);

		// Resent one at a time, like eigi's retries.
		const repeats: DeliveryResponse[] = [];
		for (const payload of payloads) repeats.push(await send(payload));
		await sleep(2_000);

		expect(firsts.map((response) => response.body?.event)).toEqual(
			Array(OVERLAPPING).fill(COMPLETED),
		);
		expect(deliveredIds(executions).sort()).toEqual(
			payloads.map((payload) => `${COMPLETED}:${payload.conversation_id}`).sort(),
		);
		expect(repeats.map((response) => response.body)).toEqual(
			Array(OVERLAPPING).fill({ received: true, ignored: 'duplicate' }),
		);
		expect(await lastExecutionId(dedupOn.id)).toBe(lastId);
	});
});
