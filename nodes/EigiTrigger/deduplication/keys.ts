export const MINUTE_MS = 60_000;

/** The key on every emitted item, `deduplication_key`: `<event>:<conversation_id>`. */
export function deduplicationKey(event: string, conversationId: string): string {
	return `${event}:${conversationId}`;
}

const EVENT_CODES: Record<string, string> = {
	'conversation.completed': 'c',
	'conversation.disconnected': 'd',
	'conversation.failed': 'f',
};

/**
 * Shortens a `deduplication_key` for storage, `conversation.completed:<id>` to `c:<id>`, because
 * n8n loads the workflow's whole static data on every webhook request. The `:` keeps every key
 * from looking like an array index, so objects keep stored keys in insertion order. A key
 * with an unknown event is stored as it is.
 */
export function storageKey(key: string): string {
	const separator = key.indexOf(':');
	const code = separator > 0 ? EVENT_CODES[key.slice(0, separator)] : undefined;
	return code === undefined ? key : `${code}${key.slice(separator)}`;
}
