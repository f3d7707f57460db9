import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { CONVERSATION_ID_MAX_LENGTH } from '../../../shared/conversationId';
import { unwrapObject } from '../../helpers/envelope';
import type { EigiClient } from '../../transport/client';
import { readRetrySettings } from '../options';

/** The `conversationId` field shared by the operations on one conversation. */
export const conversationIdField: INodeProperties = {
	displayName: 'Conversation ID',
	name: 'conversationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'a28e7071-508e-4d45-8887-085531aafaba',
	description:
		"The conversation's public ID: the UUID in the conversation_id field of eigi's webhooks and API, not eigi's 24-character internal ID",
};

// eigi's internal ids are 24 hex digits; the API wants the public UUID instead.
const INTERNAL_ID = /^[0-9a-f]{24}$/i;

/** Reads and checks the `conversationId` parameter of one item. */
export function readConversationId(context: IExecuteFunctions, itemIndex: number): string {
	const value = context.getNodeParameter('conversationId', itemIndex, '') as unknown;
	let id = '';
	if (typeof value === 'number') id = String(value);
	if (typeof value === 'string') id = value.trim();
	if (id === '') {
		throw new NodeOperationError(context.getNode(), 'Conversation ID is empty', {
			itemIndex,
			description:
				'Enter the conversation_id of the conversation, for example {{ $json.conversation_id }} after an Eigi Trigger.',
		});
	}

	if (id.length > CONVERSATION_ID_MAX_LENGTH) {
		throw new NodeOperationError(
			context.getNode(),
			`Conversation ID has ${id.length} characters; the maximum is ${CONVERSATION_ID_MAX_LENGTH}`,
			{
				itemIndex,
				description:
					"eigi's conversation IDs are 36-character UUIDs. Map only the conversation_id field, for example {{ $json.conversation_id }}, not a whole item or transcript.",
			},
		);
	}
	return id;
}

function notFoundAdvice(id: string): string {
	const internal = INTERNAL_ID.test(id)
		? ` "${id}" looks like eigi's internal 24-character id: use the conversation_id (a UUID) instead.`
		: '';
	return `No conversation with ID "${id}" is visible to this API key. Check the ID and that the key belongs to the account that owns the agent; eigi deletes conversations after 90 days by default.${internal}`;
}

/** Fetches one conversation by its public ID, whether eigi sends it bare or in an envelope. */
export async function fetchConversation(
	context: IExecuteFunctions,
	client: EigiClient,
	itemIndex: number,
	id: string,
): Promise<IDataObject> {
	const body = await client.request(
		itemIndex,
		{
			method: 'GET',
			path: `/v1/public/conversations/${encodeURIComponent(id)}`,
			notFoundAdvice: notFoundAdvice(id),
		},
		readRetrySettings(context, itemIndex),
	);

	const conversation = unwrapObject(body);
	if (!conversation) {
		throw new NodeApiError(
			context.getNode(),
			{ message: 'unexpected response' },
			{
				itemIndex,
				message: `eigi returned no conversation object for ID "${id}"`,
				description:
					'The response was not a JSON object. Check the Base URL in the Eigi API credential.',
			},
		);
	}
	return conversation;
}
