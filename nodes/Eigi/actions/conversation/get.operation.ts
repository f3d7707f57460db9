import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { EigiClient } from '../../transport/client';
import { conversationIdField, fetchConversation, readConversationId } from './common';

const properties: INodeProperties[] = [conversationIdField];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: EigiClient,
): Promise<INodeExecutionData[]> {
	const id = readConversationId(this, itemIndex);
	const conversation = await fetchConversation(this, client, itemIndex, id);
	return [{ json: conversation, pairedItem: { item: itemIndex } }];
}
