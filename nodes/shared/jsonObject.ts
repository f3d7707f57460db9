import type { IDataObject } from 'n8n-workflow';

/** Returns true for a plain JSON object: an object that is neither null nor an array. */
export function isJsonObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
