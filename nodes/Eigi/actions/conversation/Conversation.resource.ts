import type { INodeProperties } from 'n8n-workflow';

import * as downloadRecording from './downloadRecording.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getTranscript from './getTranscript.operation';

export { downloadRecording, get, getAll, getTranscript };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Download Recording',
				value: 'downloadRecording',
				description:
					"Download the audio recording of a finished phone call as a binary file, from the telephony provider's URL",
				action: 'Download a conversation recording',
			},
			{
				name: 'Get',
				value: 'get',
				description:
					'Get one conversation by its conversation_id: status, type, transcript, analysis and call details',
				action: 'Get a conversation',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description:
					'List conversations, newest first, filtered by agent, type, direction, status, creation time or search text',
				action: 'Get many conversations',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				description:
					'Get what the user and the agent said in a conversation, as one item per turn or as one text',
				action: 'Get a conversation transcript',
			},
		],
		default: 'get',
	},
	...downloadRecording.description,
	...get.description,
	...getAll.description,
	...getTranscript.description,
];
