import type { IDataObject } from 'n8n-workflow';

import {
	deduplicationKey,
	MAX_LOGGED_DELIVERIES,
	MINUTE_MS,
	recordDeliveries,
	wasEmittedWithin,
} from '../../../nodes/EigiTrigger/deduplication/deliveryLog';
import { samplePayload } from './deliveries';
import { runExecute } from './engineRun';
import { multipartEvent, queryDelivery } from './requests';
import { callWebhook, emittedItems, nodeStaticData } from './webhookHarness';

const HOUR_MS = 60 * MINUTE_MS;
const NOW = Date.UTC(2025, 11, 3, 15, 0, 0);

describe('delivery log', () => {
	it('builds the key from event and conversation_id', () => {
		expect(deduplicationKey('conversation.completed', 'c-1')).toBe('conversation.completed:c-1');
	});

	it('finds a key emitted inside the window only', () => {
		const staticData: IDataObject = {};
		recordDeliveries(staticData, ['k'], HOUR_MS, NOW);

		expect(wasEmittedWithin(staticData, 'k', HOUR_MS, NOW + HOUR_MS - 1)).toBe(true);
		expect(wasEmittedWithin(staticData, 'k', HOUR_MS, NOW + HOUR_MS)).toBe(false);
		expect(wasEmittedWithin(staticData, 'other', HOUR_MS, NOW)).toBe(false);
		expect(wasEmittedWithin({}, 'k', HOUR_MS, NOW)).toBe(false);
	});

	it('prunes entries older than the window when recording', () => {
		const staticData: IDataObject = {};
		recordDeliveries(staticData, ['old'], HOUR_MS, NOW);
		recordDeliveries(staticData, ['recent'], HOUR_MS, NOW + 30 * MINUTE_MS);
		recordDeliveries(staticData, ['new'], HOUR_MS, NOW + HOUR_MS);

		expect(staticData.emittedDeliveries).toEqual({
			recent: NOW + 30 * MINUTE_MS,
			new: NOW + HOUR_MS,
		});
	});

	it('drops the oldest entries beyond the bound', () => {
		const staticData: IDataObject = {};
		recordDeliveries(staticData, ['a'], HOUR_MS, NOW + 2, 3);
		recordDeliveries(staticData, ['b'], HOUR_MS, NOW + 1, 3);
		recordDeliveries(staticData, ['c'], HOUR_MS, NOW + 3, 3);
		recordDeliveries(staticData, ['d'], HOUR_MS, NOW + 4, 3);

		expect(Object.keys(staticData.emittedDeliveries as IDataObject).sort()).toEqual([
			'a',
			'c',
			'd',
		]);
	});

	it('keeps at most 10,000 entries by default', () => {
		const log: IDataObject = {};
		for (let index = 0; index < MAX_LOGGED_DELIVERIES; index++) log[`key-${index}`] = NOW + index;
		const staticData: IDataObject = { emittedDeliveries: log };

		recordDeliveries(staticData, ['newest'], HOUR_MS, NOW + MAX_LOGGED_DELIVERIES);

		const kept = staticData.emittedDeliveries as IDataObject;
		expect(Object.keys(kept)).toHaveLength(MAX_LOGGED_DELIVERIES);
		expect(kept).not.toHaveProperty('key-0');
		expect(kept).toHaveProperty('key-1');
		expect(kept).toHaveProperty('newest');
	});

	it('replaces a corrupt log instead of failing', () => {
		const staticData: IDataObject = { emittedDeliveries: ['not', 'a', 'log'] };

		expect(wasEmittedWithin(staticData, 'k', HOUR_MS, NOW)).toBe(false);
		recordDeliveries(staticData, ['k'], HOUR_MS, NOW);
		expect(staticData.emittedDeliveries).toEqual({ k: NOW });
	});
});

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null) {
		for (const child of Object.values(value)) deepFreeze(child);
		Object.freeze(value);
	}
	return value;
}

describe('de-duplication in webhook()', () => {
	const event = 'conversation.completed';
	const payload = samplePayload();
	const key = `${event}:${payload.conversation_id as string}`;

	async function deliver(nodeData: IDataObject, options: IDataObject = {}, eventName = event) {
		const built = multipartEvent('POST', eventName, { ...payload, event: eventName });
		const staticData = { 'node:Eigi Trigger': nodeData };
		return await callWebhook(
			built.request,
			{ staticData, parameters: { options } },
			built.fileContents,
		);
	}

	it('ignores a delivery emitted inside the window with 200 and no execution', async () => {
		const outcome = await deliver({ emittedDeliveries: { [key]: Date.now() - 10_000 } });

		expect(outcome.status).toBe(200);
		expect(outcome.body).toEqual({ received: true, ignored: 'duplicate' });
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it('emits a delivery whose last emission is older than the window', async () => {
		const staticData = { emittedDeliveries: { [key]: Date.now() - 11 * MINUTE_MS } };
		const outcome = await deliver(staticData, { deduplicationWindow: 10 });

		expect(emittedItems(outcome)).toHaveLength(1);
	});

	it('emits another event of the same conversation', async () => {
		const outcome = await deliver(
			{ emittedDeliveries: { [key]: Date.now() } },
			{},
			'conversation.failed',
		);

		expect(emittedItems(outcome)).toHaveLength(1);
	});

	it('emits every repeat when de-duplication is off', async () => {
		const outcome = await deliver(
			{ emittedDeliveries: { [key]: Date.now() } },
			{ deduplicate: false },
		);

		expect(emittedItems(outcome)).toHaveLength(1);
	});

	it('only reads static data', async () => {
		const staticData = deepFreeze({ emittedDeliveries: { other: Date.now() } });
		const outcome = await deliver(staticData);

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)).toHaveLength(1);
		expect(staticData).toEqual({ emittedDeliveries: { other: expect.any(Number) } });
	});
});

describe('de-duplication across webhook() and execute()', () => {
	async function deliverAndRun(
		staticData: IDataObject,
		conversationId: string,
		options: IDataObject = {},
	) {
		const built = queryDelivery(
			'conversation.completed',
			samplePayload({ conversation_id: conversationId }),
		);
		const outcome = await callWebhook(built.request, { staticData, parameters: { options } });
		if (outcome.result.workflowData) {
			const run = await runExecute(outcome.result.workflowData, {
				staticData,
				parameters: { options },
			});
			expect(run.error).toBeUndefined();
		}
		return outcome;
	}

	it('emits 1 of 4 identical deliveries', async () => {
		const staticData: IDataObject = {};
		const answers = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			answers.push((await deliverAndRun(staticData, 'conv-retried')).body);
		}

		expect(answers[0]).toEqual({
			received: true,
			event: 'conversation.completed',
			conversation_id: 'conv-retried',
		});
		expect(answers.slice(1)).toEqual([
			{ received: true, ignored: 'duplicate' },
			{ received: true, ignored: 'duplicate' },
			{ received: true, ignored: 'duplicate' },
		]);
	});

	it('emits all 4 identical deliveries when de-duplication is off', async () => {
		const staticData: IDataObject = {};
		let emitted = 0;
		for (let attempt = 0; attempt < 4; attempt++) {
			const outcome = await deliverAndRun(staticData, 'conv-retried', { deduplicate: false });
			emitted += emittedItems(outcome).length;
		}

		expect(emitted).toBe(4);
		expect(nodeStaticData(staticData)?.emittedDeliveries).toBeUndefined();
	});

	it('catches the retries of a second conversation after a first was processed', async () => {
		const staticData: IDataObject = {};
		await deliverAndRun(staticData, 'conv-first');
		const first = await deliverAndRun(staticData, 'conv-second');
		const retry = await deliverAndRun(staticData, 'conv-second');

		expect(emittedItems(first)).toHaveLength(1);
		expect(retry.body).toEqual({ received: true, ignored: 'duplicate' });
		expect(
			Object.keys(nodeStaticData(staticData)?.emittedDeliveries as IDataObject).sort(),
		).toEqual(['conversation.completed:conv-first', 'conversation.completed:conv-second']);
	});

	it('records the key in execute() with the time of the execution', async () => {
		const staticData: IDataObject = {};
		const before = Date.now();
		await deliverAndRun(staticData, 'conv-timed');

		const recorded = (nodeStaticData(staticData)?.emittedDeliveries as IDataObject)[
			'conversation.completed:conv-timed'
		];
		expect(recorded).toBeGreaterThanOrEqual(before);
		expect(recorded).toBeLessThanOrEqual(Date.now());
	});
});
