import type { IDataObject } from 'n8n-workflow';

/** Returns true for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Returns the object inside eigi's `{status, message, data}` envelope, or the body itself when it
 * is a bare object. eigi documents a bare conversation for Get Conversation but wraps list
 * results, so both forms are accepted. Returns undefined when the body is not an object.
 */
export function unwrapObject(body: unknown): IDataObject | undefined {
	if (!isJsonObject(body)) return undefined;
	const isEnvelope = 'data' in body && ('status' in body || 'message' in body);
	if (isEnvelope && isJsonObject(body.data)) return body.data;
	return body;
}
