import type { IDataObject } from 'n8n-workflow';

/**
 * The copy of emitted keys that survives a restart of n8n and reaches other n8n processes: the
 * workflow's static data (scope `node`) under `emitted`, as `{ "<storage key>": <emitted at,
 * seconds since epoch> }`, oldest first. n8n 2.41 loads the workflow's whole static data for
 * every webhook request, so the log is small and compact: at most `MAX_LOGGED_KEYS` entries.
 */
const LOG_KEY = 'emitted';

/**
 * Upper bound on persisted keys. 200 entries of about 50 bytes are about 10 KB of JSON per
 * request, and cover eigi's retries (up to 30 s after the first attempt) across a restart up to
 * about 6 deliveries per second. The in-process memory covers the rest of the window.
 */
export const MAX_LOGGED_KEYS = 200;

type DeliveryLog = Record<string, number>;

function toSeconds(ms: number): number {
	return Math.floor(ms / 1000);
}

function readLog(nodeData: IDataObject): DeliveryLog | undefined {
	const log = nodeData[LOG_KEY];
	return typeof log === 'object' && log !== null && !Array.isArray(log)
		? (log as DeliveryLog)
		: undefined;
}

/** Tells whether `key` was persisted less than `windowMs` before `now`. Only reads. */
export function wasLoggedWithin(
	nodeData: IDataObject,
	key: string,
	windowMs: number,
	now: number,
): boolean {
	const emittedAt = readLog(nodeData)?.[key];
	return typeof emittedAt === 'number' && now - emittedAt * 1000 < windowMs;
}

/**
 * Drops entries older than the window from the front, stopping at the first younger one, then
 * the oldest beyond `maxKeys`. Entries are written in time order and objects keep the order of
 * non-index keys, so neither step sorts or copies. If the order were ever lost, an expired
 * entry would stay until it reaches the front, and reads still check its age.
 */
function prune(log: DeliveryLog, windowSeconds: number, nowSeconds: number, maxKeys: number) {
	let excess = Object.keys(log).length - maxKeys;
	for (const key in log) {
		const emittedAt = log[key];
		const young = typeof emittedAt === 'number' && nowSeconds - emittedAt < windowSeconds;
		if (excess <= 0 && young) break;
		delete log[key];
		excess--;
	}
}

/**
 * Adds `entries` (storage key, emitted at in ms, oldest first) to the log in `nodeData`, keeping
 * the keys already there, then prunes it. Changes the log in place: in n8n `nodeData` is the
 * static data n8n saves when the execution ends (production executions only).
 */
export function persistKeys(
	nodeData: IDataObject,
	entries: Iterable<[string, number]>,
	windowMs: number,
	now: number,
	maxKeys = MAX_LOGGED_KEYS,
): void {
	const log = readLog(nodeData) ?? {};
	for (const [key, emittedAtMs] of entries) {
		const emittedAt = toSeconds(emittedAtMs);
		const logged = log[key];
		if (typeof logged === 'number' && logged >= emittedAt) continue;

		delete log[key];
		log[key] = emittedAt;
	}

	prune(log, Math.ceil(windowMs / 1000), toSeconds(now), maxKeys);
	if (nodeData[LOG_KEY] !== log) nodeData[LOG_KEY] = log;
}
