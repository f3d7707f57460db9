import type { INodeProperties } from 'n8n-workflow';

import * as call from './call/Call.resource';
import * as chat from './chat/Chat.resource';
import * as conversation from './conversation/Conversation.resource';
import { optionsDescription } from './options';

/** Every parameter of the Eigi node: the resource, each resource's operations, and Options. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Call', value: 'call', description: 'Phone calls made by an eigi agent' },
			{ name: 'Chat', value: 'chat', description: 'Text conversations with an eigi agent' },
			{
				name: 'Conversation',
				value: 'conversation',
				description: 'Calls and chats eigi has recorded, with transcripts and recordings',
			},
		],
		default: 'conversation',
	},
	...call.description,
	...chat.description,
	...conversation.description,
	optionsDescription,
];
