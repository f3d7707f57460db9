import type { IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';

import type { TriggerSettings } from '../settings';
import { MAX_LOGGED_KEYS, persistKeys, wasLoggedWithin } from './deliveryLog';
import type { NodeMemory } from './emittedMemory';
import { memoryOf, newestEntries, remember, wasRemembered } from './emittedMemory';
import { MINUTE_MS, storageKey } from './keys';

/**
 * Minimum time between two static-data writes of one node in one process. Every write costs n8n
 * one database UPDATE at the end of the execution (about 1.3 to 4 ms of CPU in n8n 2.41.1), so
 * writing on every delivery costs throughput. Keys accepted in between stay in memory and go
 * out with the next write. 2 s is a fifth of eigi's retry spacing (4 attempts, 10 s apart):
 * while deliveries keep arriving, a key reaches static data before eigi's first retry of it.
 */
export const PERSIST_INTERVAL_MS = 2_000;

type TriggerContext = IWebhookFunctions | IExecuteFunctions;

function nodeMemory(context: TriggerContext): NodeMemory {
	return memoryOf(context.getWorkflow().id ?? '', context.getNode().id);
}

function windowOf(settings: TriggerSettings): number {
	return settings.deduplicationWindowMinutes * MINUTE_MS;
}

/**
 * Reports whether the request came to the production URL. The test URL runs in mode `manual`,
 * where n8n never saves static data, so the trigger keeps no memory of its deliveries either.
 */
function isProduction(context: TriggerContext): boolean {
	return context.getMode() !== 'manual';
}

/**
 * Tells whether the delivery with `key` (a `deduplication_key`) was emitted within the window,
 * by this process (memory) or by any process before its last save (static data). When it was
 * not and the delivery came to the production URL, remembers it before returning. webhook()
 * must not await between this check and its response, so that a racing repeat finds the key.
 * NOTE: a key is remembered once webhook() accepts the delivery. If n8n then fails to start the
 * execution, eigi's retry of that delivery is ignored as a duplicate.
 */
export function checkAndRemember(
	context: IWebhookFunctions,
	settings: TriggerSettings,
	key: string,
): 'duplicate' | 'new' {
	if (!settings.deduplicate) return 'new';

	const now = Date.now();
	const windowMs = windowOf(settings);
	const stored = storageKey(key);
	const memory = nodeMemory(context);
	if (wasRemembered(memory, stored, windowMs, now)) return 'duplicate';
	if (wasLoggedWithin(context.getWorkflowStaticData('node'), stored, windowMs, now)) {
		return 'duplicate';
	}

	if (isProduction(context)) remember(memory, stored, windowMs, now);
	return 'new';
}

/**
 * Records the emitted `keys` for execute(): in this process's memory (in queue mode execute()
 * runs on a worker, not where webhook() ran) and, at most once per `PERSIST_INTERVAL_MS`, in
 * static data together with every key the memory holds. n8n saves the static data this
 * execution loaded, whole, when it ends, and so erases keys that overlapping executions saved.
 * Writing the memory's keys with it puts them back.
 * NOTE: keys not yet written are lost if n8n restarts before the node's next write; until
 * another delivery comes, that is the keys of up to the last `PERSIST_INTERVAL_MS`.
 */
export function recordEmitted(
	context: IExecuteFunctions,
	settings: TriggerSettings,
	keys: string[],
): void {
	if (!settings.deduplicate || keys.length === 0 || !isProduction(context)) return;

	const now = Date.now();
	const windowMs = windowOf(settings);
	const memory = nodeMemory(context);
	for (const key of keys) remember(memory, storageKey(key), windowMs, now);
	if (now - memory.persistedAt < PERSIST_INTERVAL_MS) return;

	memory.persistedAt = now;
	const entries = newestEntries(memory, MAX_LOGGED_KEYS);
	persistKeys(context.getWorkflowStaticData('node'), entries, windowMs, now);
}
