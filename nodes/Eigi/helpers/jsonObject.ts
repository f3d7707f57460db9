import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { isJsonObject } from '../../shared/jsonObject';

/**
 * Parses a parameter of type `json` that must hold an object. Returns `{}` for an empty value
 * and undefined when the value is not a JSON object (an array, a number, invalid JSON).
 */
export function parseJsonObject(value: unknown): IDataObject | undefined {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value !== 'string') return isJsonObject(value) ? value : undefined;

	try {
		const parsed = jsonParse<unknown>(value);
		return isJsonObject(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}
