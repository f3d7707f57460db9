import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { recordingUrlOf } from '../../helpers/conversation';
import { mimeTypeOf, recordingFileName } from '../../helpers/fileName';
import type { EigiClient } from '../../transport/client';
import { readRetrySettings } from '../options';
import { conversationIdField, fetchConversation, readConversationId } from './common';

const properties: INodeProperties[] = [
	conversationIdField,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the recording in',
		description:
			'Binary field that receives the recording, ready for nodes such as Google Drive or S3',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['conversation'], operation: ['downloadRecording'] } },
	properties,
);

function readBinaryPropertyName(context: IExecuteFunctions, itemIndex: number): string {
	const name = String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (name !== '') return name;
	throw new NodeOperationError(context.getNode(), 'Put Output File in Field is empty', {
		itemIndex,
		description: 'Enter the name of the binary field for the recording, such as data.',
	});
}

function parseRecordingUrl(
	context: IExecuteFunctions,
	itemIndex: number,
	id: string,
	raw: string | undefined,
): URL {
	if (raw === undefined) {
		throw new NodeOperationError(context.getNode(), `Conversation "${id}" has no recording yet`, {
			itemIndex,
			description:
				'eigi adds conversation_recording_url to phone calls after they end; chats have none. Run this after the Eigi Trigger reports conversation.completed, or check that the conversation is a call.',
		});
	}
	try {
		const url = new URL(raw);
		if (url.protocol === 'https:' || url.protocol === 'http:') return url;
	} catch {
		// Reported below with the same message as a non-http URL.
	}
	throw new NodeOperationError(
		context.getNode(),
		`The recording URL of conversation "${id}" is not an http(s) URL`,
		{ itemIndex, description: 'eigi returned a recording URL the node cannot download.' },
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: EigiClient,
): Promise<INodeExecutionData[]> {
	const id = readConversationId(this, itemIndex);
	const binaryPropertyName = readBinaryPropertyName(this, itemIndex);
	const conversation = await fetchConversation(this, client, itemIndex, id);
	const url = parseRecordingUrl(this, itemIndex, id, recordingUrlOf(conversation));

	// The recording lives on the telephony provider's host, so eigi's API key must not go there.
	const file = await client.download(itemIndex, url, readRetrySettings(this, itemIndex));
	const conversationId = String(conversation.conversation_id ?? id);
	const binary = await this.helpers.prepareBinaryData(
		file.data,
		recordingFileName(url, conversationId, file.contentType),
		mimeTypeOf(file.contentType),
	);

	return [
		{
			json: { conversation_id: conversationId, recording_url: url.href },
			binary: { [binaryPropertyName]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}
