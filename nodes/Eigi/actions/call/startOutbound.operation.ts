import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { isJsonObject } from '../../../shared/jsonObject';
import type { EigiClient } from '../../transport/client';
import { readRetrySettings } from '../options';
import { readRecipients, recipientsField } from './startOutbound.recipients';

const properties: INodeProperties[] = [
	{
		displayName:
			'eigi starts the calls and replies at once without their results. Each call reports its outcome later through the Eigi Trigger (conversation.completed, conversation.disconnected or conversation.failed), with the metadata given here.',
		name: 'resultsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Agent ID',
		name: 'agentId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of the eigi voice agent that makes the calls',
	},
	recipientsField,
	{
		displayName: 'Telephony Provider',
		name: 'telephonyProvider',
		type: 'options',
		options: [
			{ name: 'Plivo', value: 'PLIVO' },
			{ name: 'Twilio', value: 'TWILIO' },
		],
		default: 'PLIVO',
		description: 'Provider whose phone number the agent calls from, as set up in eigi',
	},
	{
		displayName: 'Test Call',
		name: 'isTestCall',
		type: 'boolean',
		default: false,
		description: 'Whether eigi marks the calls as test calls',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['startOutbound'] } },
	properties,
);

function readAgentId(context: IExecuteFunctions, itemIndex: number): string {
	const agentId = String(context.getNodeParameter('agentId', itemIndex, '')).trim();
	if (agentId !== '') return agentId;
	throw new NodeOperationError(context.getNode(), 'Agent ID is empty', {
		itemIndex,
		description: 'Enter the ID of the eigi agent that makes the calls (eigi dashboard → Agents).',
	});
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: EigiClient,
): Promise<INodeExecutionData[]> {
	const agentId = readAgentId(this, itemIndex);
	const params = readRecipients(this, itemIndex);
	const body = {
		agent_id: agentId,
		params,
		telephony_provider: this.getNodeParameter('telephonyProvider', itemIndex, 'PLIVO') as string,
		is_test_call: this.getNodeParameter('isTestCall', itemIndex, false) as boolean,
	};

	const reply = await client.request(
		itemIndex,
		{
			method: 'POST',
			path: '/v1/public/calls/outbound',
			body,
			notFoundAdvice: `eigi found no agent with ID "${agentId}" for this API key. Check the Agent ID and that the key belongs to the agent's account.`,
			notRepeatedAdvice:
				'The request was not repeated because eigi may already have started some calls: check the eigi dashboard before running the node again.',
		},
		readRetrySettings(this, itemIndex),
	);

	const json = {
		...(isJsonObject(reply) ? reply : { response: reply ?? null }),
		agent_id: agentId,
		call_count: params.length,
		mobile_numbers: params.map((param) => param.mobile_number),
	};
	return [{ json, pairedItem: { item: itemIndex } }];
}
