import type { IDataObject } from 'n8n-workflow';

import { PERSIST_INTERVAL_MS } from '../../../nodes/EigiTrigger/deduplication/deduplicate';
import {
	MAX_LOGGED_KEYS,
	persistKeys,
	wasLoggedWithin,
} from '../../../nodes/EigiTrigger/deduplication/deliveryLog';
import {
	forgetAllNodes,
	memoryOf,
	newestEntries,
	remember,
	wasRemembered,
} from '../../../nodes/EigiTrigger/deduplication/emittedMemory';
import {
	deduplicationKey,
	MINUTE_MS,
	storageKey,
} from '../../../nodes/EigiTrigger/deduplication/keys';
import { samplePayload } from './deliveries';
import { runExecute } from './engineRun';
import { multipartEvent, queryDelivery } from './requests';
import type { WebhookSetup } from './webhookHarness';
import { callWebhook, emittedItems, nodeStaticData } from './webhookHarness';

const HOUR_MS = 60 * MINUTE_MS;
const NOW = Date.UTC(2025, 11, 3, 15, 0, 0);
const NOW_S = NOW / 1000;

afterEach(() => {
	jest.restoreAllMocks();
	forgetAllNodes();
});

describe('deduplication keys', () => {
	it('builds the item key from event and conversation_id', () => {
		expect(deduplicationKey('conversation.completed', 'c-1')).toBe('conversation.completed:c-1');
	});

	it('shortens the event for storage', () => {
		expect(storageKey('conversation.completed:c-1')).toBe('c:c-1');
		expect(storageKey('conversation.disconnected:c-1')).toBe('d:c-1');
		expect(storageKey('conversation.failed:c:1')).toBe('f:c:1');
	});

	it('stores a key with an unknown event as it is', () => {
		expect(storageKey('conversation.other:c-1')).toBe('conversation.other:c-1');
		expect(storageKey('12345')).toBe('12345');
	});
});

describe('in-process memory', () => {
	it('finds a key remembered inside the window only', () => {
		const memory = memoryOf('w', 'n');
		remember(memory, 'k', HOUR_MS, NOW);

		expect(wasRemembered(memory, 'k', HOUR_MS, NOW + HOUR_MS - 1)).toBe(true);
		expect(wasRemembered(memory, 'k', HOUR_MS, NOW + HOUR_MS)).toBe(false);
		expect(wasRemembered(memory, 'other', HOUR_MS, NOW)).toBe(false);
	});

	it('keeps the first time of a repeated key', () => {
		const memory = memoryOf('w', 'n');
		remember(memory, 'k', HOUR_MS, NOW);
		remember(memory, 'k', HOUR_MS, NOW + 1000);

		expect(memory.emitted.get('k')).toBe(NOW);
	});

	it('moves a key re-emitted after its window to the end', () => {
		const memory = memoryOf('w', 'n');
		remember(memory, 'a', HOUR_MS, NOW);
		remember(memory, 'b', HOUR_MS, NOW + 30 * MINUTE_MS);
		remember(memory, 'a', 10 * MINUTE_MS, NOW + 40 * MINUTE_MS);

		expect([...memory.emitted]).toEqual([['a', NOW + 40 * MINUTE_MS]]);
	});

	it('drops expired keys from the front', () => {
		const memory = memoryOf('w', 'n');
		remember(memory, 'old', HOUR_MS, NOW);
		remember(memory, 'recent', HOUR_MS, NOW + 30 * MINUTE_MS);
		remember(memory, 'new', HOUR_MS, NOW + HOUR_MS);

		expect([...memory.emitted.keys()]).toEqual(['recent', 'new']);
	});

	it('drops the oldest keys beyond the bound', () => {
		const memory = memoryOf('w', 'n');
		for (const [index, key] of ['a', 'b', 'c', 'd'].entries()) {
			remember(memory, key, HOUR_MS, NOW + index, 3);
		}

		expect([...memory.emitted.keys()]).toEqual(['b', 'c', 'd']);
	});

	it('keeps one memory per workflow and node', () => {
		remember(memoryOf('w1', 'n1'), 'k', HOUR_MS, NOW);

		expect(wasRemembered(memoryOf('w1', 'n1'), 'k', HOUR_MS, NOW)).toBe(true);
		expect(wasRemembered(memoryOf('w2', 'n1'), 'k', HOUR_MS, NOW)).toBe(false);
		expect(wasRemembered(memoryOf('w1', 'n2'), 'k', HOUR_MS, NOW)).toBe(false);
	});

	it('lists the newest entries oldest first', () => {
		const memory = memoryOf('w', 'n');
		for (const [index, key] of ['a', 'b', 'c'].entries())
			remember(memory, key, HOUR_MS, NOW + index);

		expect([...newestEntries(memory, 2)]).toEqual([
			['b', NOW + 1],
			['c', NOW + 2],
		]);
		expect([...newestEntries(memory, 5)]).toHaveLength(3);
	});
});

describe('static-data log', () => {
	it('stores keys in seconds under emitted', () => {
		const nodeData: IDataObject = {};
		persistKeys(nodeData, [['k', NOW + 999]], HOUR_MS, NOW);

		expect(nodeData).toEqual({ emitted: { k: NOW_S } });
	});

	it('finds a key logged inside the window only', () => {
		const nodeData: IDataObject = { emitted: { k: NOW_S } };

		expect(wasLoggedWithin(nodeData, 'k', HOUR_MS, NOW + HOUR_MS - 1)).toBe(true);
		expect(wasLoggedWithin(nodeData, 'k', HOUR_MS, NOW + HOUR_MS)).toBe(false);
		expect(wasLoggedWithin(nodeData, 'other', HOUR_MS, NOW)).toBe(false);
		expect(wasLoggedWithin({}, 'k', HOUR_MS, NOW)).toBe(false);
	});

	it('keeps keys another execution saved', () => {
		const nodeData: IDataObject = { emitted: { theirs: NOW_S - 5 } };
		persistKeys(nodeData, [['mine', NOW]], HOUR_MS, NOW);

		expect(nodeData.emitted).toEqual({ theirs: NOW_S - 5, mine: NOW_S });
	});

	it('updates a key to a newer time and moves it last', () => {
		const nodeData: IDataObject = { emitted: { a: NOW_S - 10, b: NOW_S - 5 } };
		persistKeys(nodeData, [['a', NOW]], HOUR_MS, NOW);

		expect(Object.entries(nodeData.emitted as IDataObject)).toEqual([
			['b', NOW_S - 5],
			['a', NOW_S],
		]);
	});

	it('drops expired keys from the front', () => {
		const nodeData: IDataObject = {
			emitted: { old: NOW_S - 3600, recent: NOW_S - 1800 },
		};
		persistKeys(nodeData, [['new', NOW]], HOUR_MS, NOW);

		expect(Object.keys(nodeData.emitted as IDataObject)).toEqual(['recent', 'new']);
	});

	it('drops the oldest keys beyond the bound', () => {
		const nodeData: IDataObject = { emitted: { a: NOW_S - 3, b: NOW_S - 2 } };
		persistKeys(
			nodeData,
			[
				['c', NOW - 1000],
				['d', NOW],
			],
			HOUR_MS,
			NOW,
			3,
		);

		expect(Object.keys(nodeData.emitted as IDataObject)).toEqual(['b', 'c', 'd']);
	});

	it(`keeps at most ${MAX_LOGGED_KEYS} keys by default`, () => {
		const log: IDataObject = {};
		for (let index = 0; index < MAX_LOGGED_KEYS; index++) log[`c:${index}`] = NOW_S - 100;
		const nodeData: IDataObject = { emitted: log };
		persistKeys(nodeData, [['c:newest', NOW]], HOUR_MS, NOW);

		const kept = nodeData.emitted as IDataObject;
		expect(Object.keys(kept)).toHaveLength(MAX_LOGGED_KEYS);
		expect(kept).not.toHaveProperty('c:0');
		expect(kept).toHaveProperty('c:1');
		expect(kept).toHaveProperty('c:newest');
	});

	it('replaces a corrupt log', () => {
		const nodeData: IDataObject = { emitted: ['not', 'a', 'log'] };

		expect(wasLoggedWithin(nodeData, 'k', HOUR_MS, NOW)).toBe(false);
		persistKeys(nodeData, [['k', NOW]], HOUR_MS, NOW);
		expect(nodeData).toEqual({ emitted: { k: NOW_S } });
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
	const stored = `c:${payload.conversation_id as string}`;
	const nowS = () => Math.floor(Date.now() / 1000);

	async function deliver(
		nodeData: IDataObject,
		options: IDataObject = {},
		setup: WebhookSetup = {},
		eventName = event,
	) {
		const built = multipartEvent('POST', eventName, { ...payload, event: eventName });
		const staticData = { 'node:Eigi Trigger': nodeData };
		return await callWebhook(
			built.request,
			{ staticData, parameters: { options }, ...setup },
			built.fileContents,
		);
	}

	it('ignores a delivery logged inside the window with 200 and no execution', async () => {
		const outcome = await deliver({ emitted: { [stored]: nowS() - 10 } });

		expect(outcome.status).toBe(200);
		expect(outcome.body).toEqual({ received: true, ignored: 'duplicate' });
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it('emits a delivery whose last emission is older than the window', async () => {
		const nodeData = { emitted: { [stored]: nowS() - 11 * 60 } };
		const outcome = await deliver(nodeData, { deduplicationWindow: 10 });

		expect(emittedItems(outcome)).toHaveLength(1);
	});

	it('emits another event of the same conversation', async () => {
		const nodeData = { emitted: { [stored]: nowS() } };
		const outcome = await deliver(nodeData, {}, {}, 'conversation.failed');

		expect(emittedItems(outcome)).toHaveLength(1);
	});

	it('emits every repeat when de-duplication is off', async () => {
		const setup = { workflowId: 'repeats' };
		const first = await deliver({}, { deduplicate: false }, setup);
		const repeat = await deliver({ emitted: { [stored]: nowS() } }, { deduplicate: false }, setup);

		expect(emittedItems(first)).toHaveLength(1);
		expect(emittedItems(repeat)).toHaveLength(1);
	});

	it('ignores a repeat racing the first delivery', async () => {
		const setup = { workflowId: 'racing' };
		const [first, repeat] = await Promise.all([deliver({}, {}, setup), deliver({}, {}, setup)]);

		expect(emittedItems(first)).toHaveLength(1);
		expect(repeat.body).toEqual({ received: true, ignored: 'duplicate' });
	});

	it('keeps emitted keys apart per workflow and node', async () => {
		await deliver({}, {}, { workflowId: 'shared', nodeId: 'node-a' });
		const otherNode = await deliver({}, {}, { workflowId: 'shared', nodeId: 'node-b' });
		const otherWorkflow = await deliver({}, {}, { workflowId: 'other', nodeId: 'node-a' });
		const sameNode = await deliver({}, {}, { workflowId: 'shared', nodeId: 'node-a' });

		expect(emittedItems(otherNode)).toHaveLength(1);
		expect(emittedItems(otherWorkflow)).toHaveLength(1);
		expect(sameNode.body).toEqual({ received: true, ignored: 'duplicate' });
	});

	it('emits every repeat to the test URL', async () => {
		const setup: WebhookSetup = { workflowId: 'manual', mode: 'manual' };
		const first = await deliver({}, {}, setup);
		const repeat = await deliver({}, {}, setup);
		const production = await deliver({}, {}, { workflowId: 'manual' });

		expect(emittedItems(first)).toHaveLength(1);
		expect(emittedItems(repeat)).toHaveLength(1);
		expect(emittedItems(production)).toHaveLength(1);
	});

	it('only reads static data', async () => {
		const nodeData = deepFreeze({ emitted: { other: nowS() } });
		const outcome = await deliver(nodeData);

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)).toHaveLength(1);
		expect(nodeData).toEqual({ emitted: { other: expect.any(Number) } });
	});
});

/**
 * The workflow's static data as n8n 2.41 keeps it in the database: every webhook request and its
 * execution get their own copy, loaded when the request arrives, and a copy that execute()
 * changed replaces the stored one, whole, when its execution ends.
 */
class StoredStaticData {
	private json = '{}';

	load(): IDataObject {
		return JSON.parse(this.json) as IDataObject;
	}

	saveIfChanged(loaded: string, copy: IDataObject): void {
		const json = JSON.stringify(copy);
		if (json !== loaded) this.json = json;
	}

	keys(): string[] {
		const nodeData = nodeStaticData(this.load());
		return Object.keys((nodeData?.emitted ?? {}) as IDataObject);
	}
}

/** Ids the engine harness gives the workflow and the node under test. */
const ENGINE_IDS: WebhookSetup = { workflowId: 'engine-harness', nodeId: 'node-under-test' };

describe('de-duplication across webhook() and execute()', () => {
	interface Pending {
		copy: IDataObject;
		loaded: string;
		workflowData?: Awaited<ReturnType<typeof callWebhook>>['result']['workflowData'];
		body: unknown;
	}

	async function receive(store: StoredStaticData, conversationId: string, options = {}) {
		const copy = store.load();
		const built = queryDelivery(
			'conversation.completed',
			samplePayload({ conversation_id: conversationId }),
		);
		const setup = { ...ENGINE_IDS, staticData: copy, parameters: { options } };
		const outcome = await callWebhook(built.request, setup);
		const { workflowData } = outcome.result;
		return { copy, loaded: JSON.stringify(copy), workflowData, body: outcome.body } as Pending;
	}

	async function finish(store: StoredStaticData, pending: Pending, options = {}) {
		if (!pending.workflowData) return;
		const parameters = { options };
		const run = await runExecute(pending.workflowData, { staticData: pending.copy, parameters });
		expect(run.error).toBeUndefined();
		store.saveIfChanged(pending.loaded, pending.copy);
	}

	async function deliverAndRun(store: StoredStaticData, conversationId: string, options = {}) {
		const pending = await receive(store, conversationId, options);
		await finish(store, pending, options);
		return pending;
	}

	it('emits 1 of 4 identical deliveries', async () => {
		const store = new StoredStaticData();
		const answers = [];
		for (let attempt = 0; attempt < 4; attempt++) {
			answers.push((await deliverAndRun(store, 'conv-retried')).body);
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
		const store = new StoredStaticData();
		let emitted = 0;
		for (let attempt = 0; attempt < 4; attempt++) {
			const pending = await deliverAndRun(store, 'conv-retried', { deduplicate: false });
			emitted += pending.workflowData?.[0].length ?? 0;
		}

		expect(emitted).toBe(4);
		expect(store.keys()).toEqual([]);
	});

	it('ignores repeats of 20 overlapping deliveries', async () => {
		const store = new StoredStaticData();
		const ids = Array.from({ length: 20 }, (_, index) => `conv-overlap-${index}`);
		const pending = [];
		for (const id of ids) pending.push(await receive(store, id));
		for (const delivery of pending) await finish(store, delivery);

		const repeats = [];
		for (const id of ids) repeats.push((await deliverAndRun(store, id)).body);

		expect(pending.filter((delivery) => delivery.workflowData)).toHaveLength(20);
		expect(repeats).toEqual(ids.map(() => ({ received: true, ignored: 'duplicate' })));
	});

	it('saves the keys of overlapping executions after a restart', async () => {
		const store = new StoredStaticData();
		const ids = ['conv-a', 'conv-b', 'conv-c'];
		const pending = [];
		for (const id of ids) pending.push(await receive(store, id));
		for (const delivery of pending.reverse()) await finish(store, delivery);
		forgetAllNodes();

		const repeat = await deliverAndRun(store, 'conv-b');

		expect(store.keys()).toEqual(['c:conv-a', 'c:conv-b', 'c:conv-c']);
		expect(repeat.body).toEqual({ received: true, ignored: 'duplicate' });
	});

	it('writes static data at most once per interval', async () => {
		const store = new StoredStaticData();
		const now = jest.spyOn(Date, 'now').mockReturnValue(NOW);
		await deliverAndRun(store, 'conv-1');
		now.mockReturnValue(NOW + PERSIST_INTERVAL_MS - 1);
		const second = await deliverAndRun(store, 'conv-2');
		const afterSecond = store.keys();
		now.mockReturnValue(NOW + PERSIST_INTERVAL_MS);
		await deliverAndRun(store, 'conv-3');
		const repeat = await deliverAndRun(store, 'conv-2');

		expect(second.workflowData).toBeDefined();
		expect(afterSecond).toEqual(['c:conv-1']);
		expect(store.keys()).toEqual(['c:conv-1', 'c:conv-2', 'c:conv-3']);
		expect(repeat.body).toEqual({ received: true, ignored: 'duplicate' });
	});

	it('records the key with the time of the delivery in seconds', async () => {
		const store = new StoredStaticData();
		const before = Math.floor(Date.now() / 1000);
		await deliverAndRun(store, 'conv-timed');

		const recorded = (nodeStaticData(store.load())?.emitted as IDataObject)['c:conv-timed'];
		expect(recorded).toBeGreaterThanOrEqual(before);
		expect(recorded).toBeLessThanOrEqual(Date.now() / 1000);
	});
});
