import type { INodeProperties } from 'n8n-workflow';

import * as sendMessage from './sendMessage.operation';

export { sendMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Send Message',
				value: 'sendMessage',
				description:
					'Send a text message to an eigi agent and get its reply. Pass the returned session_id with the next message to continue the same conversation.',
				action: 'Send a chat message',
			},
		],
		default: 'sendMessage',
	},
	...sendMessage.description,
];
