import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../shared/jsonObject';

/** One page of a list response. */
export interface Page {
	items: IDataObject[];
	totalPages?: number;
}

/**
 * Reads a page of eigi's list response `{status, message, data: [...]}`. The pagination fields
 * (`total_pages` and others) sit at the top level or under `pagination`: eigi's CLI reads both.
 * Returns undefined when the body has no `data` array.
 */
export function readPage(body: unknown): Page | undefined {
	if (Array.isArray(body)) return { items: body.filter(isJsonObject) };
	if (!isJsonObject(body) || !Array.isArray(body.data)) return undefined;

	const pagination = isJsonObject(body.pagination) ? body.pagination : body;
	const totalPages = Number(pagination.total_pages);
	return {
		items: body.data.filter(isJsonObject),
		totalPages: Number.isFinite(totalPages) && totalPages >= 0 ? totalPages : undefined,
	};
}
