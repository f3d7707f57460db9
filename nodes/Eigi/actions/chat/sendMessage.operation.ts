import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { unwrapObject } from '../../helpers/envelope';
import { describeNonObject, parseJsonObject } from '../../helpers/jsonObject';
import type { EigiClient } from '../../transport/client';
import { readRetrySettings } from '../options';

/** eigi's limits on `message`, in characters (Unicode code points). */
export const MESSAGE_MIN_LENGTH = 1;
export const MESSAGE_MAX_LENGTH = 4000;

const properties: INodeProperties[] = [
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the eigi agent to chat with',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'Text sent to the agent as the user, 1 to 4000 characters',
	},
	{
		displayName: 'Session ID',
		name: 'sessionId',
		type: 'string',
		default: '',
		description:
			'Session to continue: the session_id returned by an earlier message. Leave empty to start a new conversation.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Metadata',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'JSON object sent with the message for the agent, such as user details',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['chat'], operation: ['sendMessage'] } },
	properties,
);

function requireText(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	label: string,
): string {
	const value = context.getNodeParameter(name, itemIndex, '');
	const text = typeof value === 'string' ? value : String(value ?? '');
	if (text.trim() !== '') return text;
	throw new NodeOperationError(context.getNode(), `${label} is empty`, {
		itemIndex,
		description: `Enter the ${label.toLowerCase()}.`,
	});
}

// eigi's backend counts characters as Python does (code points), so emoji count once.
function checkMessageLength(context: IExecuteFunctions, itemIndex: number, message: string): void {
	const length = Array.from(message).length;
	if (length >= MESSAGE_MIN_LENGTH && length <= MESSAGE_MAX_LENGTH) return;
	throw new NodeOperationError(
		context.getNode(),
		`Message has ${length} characters, but eigi accepts ${MESSAGE_MIN_LENGTH} to ${MESSAGE_MAX_LENGTH}`,
		{
			itemIndex,
			description: 'Shorten the message, or split it over several messages in the same session.',
		},
	);
}

function readMetadata(context: IExecuteFunctions, itemIndex: number): IDataObject | undefined {
	const fields = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const metadata = parseJsonObject(fields.metadata);
	if (!metadata) {
		throw new NodeOperationError(
			context.getNode(),
			`Metadata ${describeNonObject(fields.metadata)}`,
			{
				itemIndex,
				description: 'Write the metadata as a JSON object, such as {"plan": "pro"}, or leave {}.',
			},
		);
	}
	return Object.keys(metadata).length > 0 ? metadata : undefined;
}

/** Messages of one session run one after another, so the agent receives them in input order. */
export function sequenceKey(this: IExecuteFunctions, itemIndex: number): string | undefined {
	const sessionId = String(this.getNodeParameter('sessionId', itemIndex, '') ?? '').trim();
	return sessionId === '' ? undefined : `chat-session:${sessionId}`;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: EigiClient,
): Promise<INodeExecutionData[]> {
	const agentId = requireText(this, itemIndex, 'agentId', 'Agent ID').trim();
	const message = requireText(this, itemIndex, 'message', 'Message');
	checkMessageLength(this, itemIndex, message);
	const sessionId = String(this.getNodeParameter('sessionId', itemIndex, '') ?? '').trim();
	const metadata = readMetadata(this, itemIndex);

	// `streaming: false` makes eigi reply with one JSON object instead of server-sent events.
	const body: IDataObject = { agent_id: agentId, message, streaming: false };
	if (sessionId !== '') body.session_id = sessionId;
	if (metadata) body.metadata = metadata;

	const reply = unwrapObject(
		await client.request(
			itemIndex,
			{
				method: 'POST',
				path: '/v1/public/chat',
				body,
				notFoundAdvice: `eigi found no agent with ID "${agentId}" or no session "${sessionId}" for this API key. Check both IDs.`,
				notRepeatedAdvice:
					'The message was not sent again because eigi may already have added it to the session.',
			},
			readRetrySettings(this, itemIndex),
		),
	);
	if (!reply || typeof reply.response !== 'string') {
		throw new NodeApiError(
			this.getNode(),
			{ message: 'unexpected response' },
			{
				itemIndex,
				message: 'eigi returned no reply text for the chat message',
				description:
					'The response had no "response" field. Check the Base URL in the Eigi API credential.',
			},
		);
	}
	return [{ json: { ...reply, agent_id: agentId }, pairedItem: { item: itemIndex } }];
}
