import nock from 'nock';

import { API_KEY, BASE_URL, jsonOf, runEigi } from './eigiTestKit';
import { useNock } from '../../support/useNock';

useNock();

const LIST_PATH = '/v1/public/conversations';

function conversations(from: number, count: number): Array<{ conversation_id: string }> {
	return Array.from({ length: count }, (_, index) => ({ conversation_id: `c-${from + index}` }));
}

function page(data: unknown[], pageNumber: number, totalPages: number, nested = false): object {
	const pagination = { total: 250, page: pageNumber, page_size: 100, total_pages: totalPages };
	const envelope = { status: 'success', message: `Retrieved ${data.length} conversations`, data };
	return nested ? { ...envelope, pagination } : { ...envelope, ...pagination };
}

describe('Conversation → Get Many', () => {
	it('sends every filter as eigi query parameters', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.matchHeader('x-api-key', API_KEY)
			.query({
				page: '1',
				page_size: '10',
				agent_id: '68ea2517dbb84c09bae1ba0a',
				conversation_type: 'TELEPHONY',
				calling_type: 'OUTBOUND',
				conversation_status: 'COMPLETED',
				from_date: '2025-12-01T00:00:00',
				to_date: '2025-12-31T23:59:59Z',
				search: '+14155550123',
			})
			.reply(200, page(conversations(0, 3), 1, 1));

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'getAll',
				limit: 10,
				filters: {
					agentId: '68ea2517dbb84c09bae1ba0a',
					conversationType: 'TELEPHONY',
					callingType: 'OUTBOUND',
					conversationStatus: 'COMPLETED',
					fromDate: '2025-12-01T00:00:00',
					toDate: '2025-12-31T23:59:59Z',
					search: ' +14155550123 ',
				},
			},
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual(conversations(0, 3));
		expect(scope.isDone()).toBe(true);
	});

	it('walks every page with Return All using total_pages', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.query({ page: '1', page_size: '100' })
			.reply(200, page(conversations(0, 100), 1, 3))
			.get(LIST_PATH)
			.query({ page: '2', page_size: '100' })
			.reply(200, page(conversations(100, 100), 2, 3))
			.get(LIST_PATH)
			.query({ page: '3', page_size: '100' })
			.reply(200, page(conversations(200, 100), 3, 3));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
		});

		expect(jsonOf(result)).toEqual(conversations(0, 300));
		expect(result.outputs[0].every((item) => item.pairedItem !== undefined)).toBe(true);
		expect(scope.isDone()).toBe(true);
	});

	it('reads total_pages nested under pagination', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.query({ page: '1', page_size: '100' })
			.reply(200, page(conversations(0, 100), 1, 2, true))
			.get(LIST_PATH)
			.query({ page: '2', page_size: '100' })
			.reply(200, page(conversations(100, 100), 2, 2, true));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
		});

		expect(jsonOf(result)).toHaveLength(200);
		expect(scope.isDone()).toBe(true);
	});

	it('stops Return All at a short page without pagination fields', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.query({ page: '1', page_size: '100' })
			.reply(200, { status: 'success', data: conversations(0, 100) })
			.get(LIST_PATH)
			.query({ page: '2', page_size: '100' })
			.reply(200, { status: 'success', data: conversations(100, 7) });

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
		});

		expect(jsonOf(result)).toEqual(conversations(0, 107));
		expect(scope.isDone()).toBe(true);
	});

	it('stops at an empty first page', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.query({ page: '1', page_size: '100' })
			.reply(200, page([], 1, 0));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: true },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([]);
		expect(scope.isDone()).toBe(true);
	});

	it('asks for one page of the Limit size', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.query({ page: '1', page_size: '5' })
			.reply(200, page(conversations(0, 5), 1, 50));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll', limit: 5 },
		});

		expect(jsonOf(result)).toEqual(conversations(0, 5));
		expect(scope.isDone()).toBe(true);
	});

	it('spans pages of 100 for a Limit over 100', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.query({ page: '1', page_size: '100' })
			.reply(200, page(conversations(0, 100), 1, 3))
			.get(LIST_PATH)
			.query({ page: '2', page_size: '100' })
			.reply(200, page(conversations(100, 100), 2, 3));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll', limit: 150 },
		});

		expect(jsonOf(result)).toEqual(conversations(0, 150));
		expect(scope.isDone()).toBe(true);
	});

	it('defaults to a Limit of 50', async () => {
		const scope = nock(BASE_URL)
			.get(LIST_PATH)
			.query({ page: '1', page_size: '50' })
			.reply(200, page(conversations(0, 50), 1, 5));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll' },
		});

		expect(jsonOf(result)).toHaveLength(50);
		expect(scope.isDone()).toBe(true);
	});

	it('rejects a date filter that is not a date', async () => {
		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'getAll',
				filters: { fromDate: 'yesterday-ish' },
			},
		});

		expect(result.error?.message).toBe(
			'Filter Created After is "yesterday-ish", which is not a date',
		);
	});

	it('rejects a list response without data', async () => {
		nock(BASE_URL).get(LIST_PATH).query(true).reply(200, { status: 'success' });

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'getAll', limit: 5 },
		});

		expect(result.error?.message).toBe("eigi's conversation list (page 1) has no data array");
	});
});
