import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The `filters` collection of Get Many; each maps to one of eigi's list query parameters. */
export const filtersField: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Agent ID',
			name: 'agentId',
			type: 'string',
			default: '',
			description: 'Only conversations of this agent (eigi agent ID)',
		},
		{
			displayName: 'Created After',
			name: 'fromDate',
			type: 'dateTime',
			default: '',
			description:
				'Only conversations created at or after this time (ISO 8601, UTC when no zone is given)',
		},
		{
			displayName: 'Created Before',
			name: 'toDate',
			type: 'dateTime',
			default: '',
			description:
				'Only conversations created at or before this time (ISO 8601, UTC when no zone is given)',
		},
		{
			displayName: 'Direction',
			name: 'callingType',
			type: 'options',
			options: [
				{ name: 'Inbound', value: 'INBOUND' },
				{ name: 'Outbound', value: 'OUTBOUND' },
			],
			default: 'INBOUND',
			description: 'Only phone calls in this direction',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description:
				'Text that eigi searches for in the conversations, such as a phone number or a word said',
		},
		{
			displayName: 'Status',
			name: 'conversationStatus',
			type: 'options',
			options: [
				{ name: 'Completed', value: 'COMPLETED' },
				{ name: 'Disconnected', value: 'DISCONNECTED' },
				{ name: 'Failed', value: 'FAILED' },
				{ name: 'In Progress', value: 'IN_PROGRESS' },
			],
			default: 'COMPLETED',
			description: 'Only conversations in this state',
		},
		{
			displayName: 'Type',
			name: 'conversationType',
			type: 'options',
			options: [
				{ name: 'Chat', value: 'CHAT' },
				{ name: 'Daily (Web Call)', value: 'DAILY' },
				{ name: 'Telephony (Phone Call)', value: 'TELEPHONY' },
				{ name: 'WhatsApp', value: 'WHATSAPP' },
			],
			default: 'TELEPHONY',
			description: 'Only conversations of this channel',
		},
	],
};

// Filter name in the node → query parameter of GET /v1/public/conversations.
const QUERY_NAMES: Record<string, string> = {
	agentId: 'agent_id',
	callingType: 'calling_type',
	conversationStatus: 'conversation_status',
	conversationType: 'conversation_type',
	fromDate: 'from_date',
	search: 'search',
	toDate: 'to_date',
};

const DATE_FILTERS: Record<string, string> = {
	fromDate: 'Created After',
	toDate: 'Created Before',
};

/** Reads the filters of one item as eigi query parameters; empty filters are left out. */
export function readFilterQuery(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const filters = context.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const [name, value] of Object.entries(filters)) {
		const queryName = QUERY_NAMES[name];
		const text = value === null || value === undefined ? '' : String(value).trim();
		if (!queryName || text === '') continue;

		if (DATE_FILTERS[name] && Number.isNaN(Date.parse(text))) {
			throw new NodeOperationError(
				context.getNode(),
				`Filter ${DATE_FILTERS[name]} is "${text}", which is not a date`,
				{
					itemIndex,
					description: 'Use an ISO 8601 date such as 2025-12-03 or 2025-12-03T14:00:00Z.',
				},
			);
		}
		query[queryName] = text;
	}
	return query;
}
