import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transcriptText } from '../../../shared/transcript';
import { transcriptOf } from '../../helpers/conversation';
import type { EigiClient } from '../../transport/client';
import { conversationIdField, fetchConversation, readConversationId } from './common';

const properties: INodeProperties[] = [
	conversationIdField,
	{
		displayName: 'Output',
		name: 'transcriptFormat',
		type: 'options',
		options: [
			{
				name: 'One Item per Turn',
				value: 'turns',
				description:
					'Each turn becomes an item with role (user or assistant), content and timestamp',
			},
			{
				name: 'One Text',
				value: 'text',
				description: 'One item whose transcript field has a "role: content" line per turn',
			},
		],
		default: 'turns',
		description: 'How the transcript is returned',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['getTranscript'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: EigiClient,
): Promise<INodeExecutionData[]> {
	const id = readConversationId(this, itemIndex);
	const format = this.getNodeParameter('transcriptFormat', itemIndex, 'turns') as string;
	const conversation = await fetchConversation(this, client, itemIndex, id);
	const turns = transcriptOf(conversation);
	const conversationId = conversation.conversation_id ?? id;

	if (format === 'text') {
		const json = {
			conversation_id: conversationId,
			turn_count: turns.length,
			transcript: transcriptText(turns),
		};
		return [{ json, pairedItem: { item: itemIndex } }];
	}

	if (turns.length === 0) {
		this.logger.debug('eigi node: conversation has no transcript turns', { itemIndex });
	}
	return turns.map((turn, index) => ({
		json: { conversation_id: conversationId, turn_index: index, ...turn },
		pairedItem: { item: itemIndex },
	}));
}
