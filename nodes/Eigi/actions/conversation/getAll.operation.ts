import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readPage } from '../../helpers/pagination';
import type { EigiClient, RetrySettings } from '../../transport/client';
import { readRetrySettings } from '../options';
import { filtersField, readFilterQuery } from './getAll.filters';

/** eigi caps `page_size` at 100. */
export const MAX_PAGE_SIZE = 100;

/** Return All stops with an error after this many pages (100,000 conversations). */
export const MAX_PAGES = 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	filtersField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['getAll'] } },
	properties,
);

interface ListRequest {
	itemIndex: number;
	query: IDataObject;
	pageSize: number;
	/** Stop once this many conversations are collected; undefined for Return All. */
	limit?: number;
	settings: RetrySettings;
}

function readLimit(context: IExecuteFunctions, itemIndex: number): number {
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (Number.isInteger(limit) && limit >= 1) return limit;
	throw new NodeOperationError(context.getNode(), `Limit is ${limit}, but it must be 1 or more`, {
		itemIndex,
		description: 'Set Limit to a whole number of at least 1, or turn on Return All.',
	});
}

// Pages are read one after another: eigi numbers them, and a page shorter than page_size or the
// page numbered total_pages is the last.
async function collect(
	context: IExecuteFunctions,
	client: EigiClient,
	list: ListRequest,
): Promise<IDataObject[]> {
	const conversations: IDataObject[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const body = await client.request(
			list.itemIndex,
			{
				method: 'GET',
				path: '/v1/public/conversations',
				qs: { ...list.query, page, page_size: list.pageSize },
			},
			list.settings,
		);
		const result = readPage(body);
		if (!result) {
			throw new NodeApiError(
				context.getNode(),
				{ message: 'unexpected response' },
				{
					itemIndex: list.itemIndex,
					message: `eigi's conversation list (page ${page}) has no data array`,
					description: 'Check the Base URL in the Eigi API credential.',
				},
			);
		}

		conversations.push(...result.items);
		if (list.limit !== undefined && conversations.length >= list.limit) {
			return conversations.slice(0, list.limit);
		}
		const isLast =
			result.items.length < list.pageSize ||
			(result.totalPages !== undefined && page >= result.totalPages);
		if (isLast) return conversations;
	}

	throw new NodeOperationError(
		context.getNode(),
		`Return All stopped after ${MAX_PAGES} pages (${conversations.length} conversations)`,
		{
			itemIndex: list.itemIndex,
			description:
				'Narrow the list with the Created After and Created Before filters and run the node per period.',
		},
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: EigiClient,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : readLimit(this, itemIndex);
	const conversations = await collect(this, client, {
		itemIndex,
		query: readFilterQuery(this, itemIndex),
		pageSize: limit === undefined ? MAX_PAGE_SIZE : Math.min(limit, MAX_PAGE_SIZE),
		limit,
		settings: readRetrySettings(this, itemIndex),
	});
	return conversations.map((conversation) => ({
		json: conversation,
		pairedItem: { item: itemIndex },
	}));
}
