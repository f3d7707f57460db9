import type { INodeProperties } from 'n8n-workflow';

import * as startOutbound from './startOutbound.operation';

export { startOutbound };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Start Outbound Call',
				value: 'startOutbound',
				description:
					'Have an eigi voice agent phone one or more numbers now. The outcome of each call arrives later through the Eigi Trigger.',
				action: 'Start an outbound call',
			},
		],
		default: 'startOutbound',
	},
	...startOutbound.description,
];
