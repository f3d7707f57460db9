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

function kindOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/**
 * Describes a value that `parseJsonObject` rejected, as the end of a sentence: "is not valid
 * JSON" or "is an array, not a JSON object" (with the type of the parsed value).
 */
export function describeNonObject(value: unknown): string {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = jsonParse<unknown>(value);
		} catch {
			return 'is not valid JSON';
		}
	}
	return `is ${kindOf(parsed)}, not a JSON object`;
}
