import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../shared/jsonObject';

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

/**
 * Returns the message of an envelope whose `status` is "error" (any case), which eigi may send
 * with a 2xx code. Returns undefined for every other body.
 */
export function envelopeErrorMessage(body: unknown): string | undefined {
	if (!isJsonObject(body) || typeof body.status !== 'string') return undefined;
	if (body.status.toLowerCase() !== 'error') return undefined;
	return typeof body.message === 'string' && body.message.trim() !== ''
		? body.message
		: 'no error message';
}
