/**
 * The keys this n8n process emitted, per trigger node, in memory. n8n hands each webhook request
 * its own copy of the workflow's static data, loaded from the database, and saves the whole copy
 * when the execution ends, so two executions that overlap erase each other's keys there. This
 * memory is shared by every request in the process, so webhook() sees a key the moment an
 * earlier request accepted it, before any execution has saved anything.
 */

/** Upper bound on remembered keys per node; the oldest are dropped beyond it. */
export const MAX_REMEMBERED_KEYS = 20_000;

export interface NodeMemory {
	/** Storage key to time of emission (ms since epoch), oldest first. */
	readonly emitted: Map<string, number>;
	/** When an execution last wrote this node's log to static data (ms since epoch), 0 if never. */
	persistedAt: number;
}

const memories = new Map<string, NodeMemory>();

/** Returns the memory of one trigger node, created empty on first use. */
export function memoryOf(workflowId: string, nodeId: string): NodeMemory {
	const id = `${workflowId}/${nodeId}`;
	let memory = memories.get(id);
	if (memory === undefined) {
		memory = { emitted: new Map(), persistedAt: 0 };
		memories.set(id, memory);
	}
	return memory;
}

/** Empties the memory of every node, as a restart of n8n does. */
export function forgetAllNodes(): void {
	memories.clear();
}

export function wasRemembered(
	memory: NodeMemory,
	key: string,
	windowMs: number,
	now: number,
): boolean {
	const emittedAt = memory.emitted.get(key);
	return emittedAt !== undefined && now - emittedAt < windowMs;
}

/**
 * Drops entries older than `windowMs` from the front, stopping at the first younger one, then
 * the oldest beyond `maxKeys`. Entries are inserted in time order, so neither step sorts.
 */
function prune(emitted: Map<string, number>, windowMs: number, now: number, maxKeys: number): void {
	let excess = emitted.size - maxKeys;
	for (const [key, emittedAt] of emitted) {
		if (excess <= 0 && now - emittedAt < windowMs) break;
		emitted.delete(key);
		excess--;
	}
}

/**
 * Records `key` as emitted at `now` unless it is already remembered within the window, in
 * which case its first time stays. A re-emitted key moves to the end, keeping time order.
 */
export function remember(
	memory: NodeMemory,
	key: string,
	windowMs: number,
	now: number,
	maxKeys = MAX_REMEMBERED_KEYS,
): void {
	if (wasRemembered(memory, key, windowMs, now)) return;

	memory.emitted.delete(key);
	memory.emitted.set(key, now);
	prune(memory.emitted, windowMs, now, maxKeys);
}

/** Returns the newest `count` entries, oldest first, without copying the rest. */
export function* newestEntries(memory: NodeMemory, count: number): Generator<[string, number]> {
	let skip = memory.emitted.size - count;
	for (const entry of memory.emitted) {
		if (skip > 0) {
			skip--;
			continue;
		}
		yield entry;
	}
}
