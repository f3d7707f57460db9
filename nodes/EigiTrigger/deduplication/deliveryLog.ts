import type { IDataObject } from 'n8n-workflow';

/**
 * The trigger's memory of emitted deliveries, kept in the workflow's static data (scope `node`)
 * under `emittedDeliveries` as `{ "<event>:<conversation_id>": <emitted at, ms since epoch> }`.
 * n8n allows no timers in community nodes, so entries are pruned by age whenever one is written.
 */
const LOG_KEY = 'emittedDeliveries';

/** Upper bound on remembered deliveries; the oldest are dropped beyond it. */
export const MAX_LOGGED_DELIVERIES = 10_000;

export const MINUTE_MS = 60_000;

type DeliveryLog = Record<string, number>;

export function deduplicationKey(event: string, conversationId: string): string {
	return `${event}:${conversationId}`;
}

function readLog(staticData: IDataObject): DeliveryLog | undefined {
	const log = staticData[LOG_KEY];
	return typeof log === 'object' && log !== null && !Array.isArray(log)
		? (log as DeliveryLog)
		: undefined;
}

/**
 * Tells whether `key` was emitted less than `windowMs` before `now`. Only reads static data:
 * webhook() calls it, and a write there would be lost (see `recordDeliveries`).
 */
export function wasEmittedWithin(
	staticData: IDataObject,
	key: string,
	windowMs: number,
	now: number,
): boolean {
	const emittedAt = readLog(staticData)?.[key];
	return typeof emittedAt === 'number' && now - emittedAt < windowMs;
}

function dropOldest(log: DeliveryLog, maxEntries: number): void {
	const keys = Object.keys(log);
	if (keys.length <= maxEntries) return;

	keys.sort((a, b) => log[a] - log[b]);
	for (const key of keys.slice(0, keys.length - maxEntries)) {
		delete log[key];
	}
}

/**
 * Records `keys` as emitted at `now`, drops entries older than `windowMs`, and keeps at most
 * `maxEntries`, dropping the oldest. Runs in the trigger's execute(), inside the execution, and
 * n8n 2.41 saves static data changed there when the execution ends (production URL only).
 * A change made in webhook() is dropped whenever the delivery starts an execution and the
 * workflow already has static data: starting the execution wraps the same static-data object
 * again, which clears its changed flag before n8n checks it.
 */
export function recordDeliveries(
	staticData: IDataObject,
	keys: string[],
	windowMs: number,
	now: number,
	maxEntries = MAX_LOGGED_DELIVERIES,
): void {
	const log: DeliveryLog = { ...(readLog(staticData) ?? {}) };
	for (const [key, emittedAt] of Object.entries(log)) {
		if (typeof emittedAt !== 'number' || now - emittedAt >= windowMs) delete log[key];
	}

	for (const key of keys) {
		log[key] = now;
	}
	dropOldest(log, maxEntries);
	staticData[LOG_KEY] = log;
}
