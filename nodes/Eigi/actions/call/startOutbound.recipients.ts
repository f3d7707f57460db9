import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeNonObject, parseJsonObject } from '../../helpers/jsonObject';
import { toE164 } from '../../helpers/phoneNumber';

/** The `recipients` field: one entry per number to call, each with its own metadata. */
export const recipientsField: INodeProperties = {
	displayName: 'Recipients',
	name: 'recipients',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	required: true,
	default: { recipient: [{ mobileNumber: '', metadata: '{}' }] },
	placeholder: 'Add Recipient',
	description: 'The phone numbers eigi calls, each with optional metadata for the agent',
	options: [
		{
			displayName: 'Recipient',
			name: 'recipient',
			values: [
				{
					displayName: 'Phone Number',
					name: 'mobileNumber',
					type: 'string',
					required: true,
					default: '',
					placeholder: '+919876543210',
					description:
						'Number to call in E.164 format: a plus sign, the country code and the number, such as +14155550123. Spaces, dashes and brackets are removed.',
				},
				{
					displayName: 'Metadata',
					name: 'metadata',
					type: 'json',
					default: '{}',
					description:
						"JSON object passed with this call, such as the customer's name, for the agent's dynamic variables",
				},
			],
		},
	],
};

/** One entry of eigi's `params` list. */
export interface OutboundParam {
	mobile_number: string;
	metadata?: IDataObject;
}

function readMetadata(
	context: IExecuteFunctions,
	itemIndex: number,
	position: number,
	value: unknown,
): IDataObject {
	const metadata = parseJsonObject(value);
	if (metadata) return metadata;
	throw new NodeOperationError(
		context.getNode(),
		`Metadata of recipient ${position} ${describeNonObject(value)}`,
		{
			itemIndex,
			description: 'Write the metadata as a JSON object, such as {"name": "Asha"}, or leave {}.',
		},
	);
}

function readNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	position: number,
	value: unknown,
): string {
	let raw = '';
	if (typeof value === 'number') raw = String(value);
	if (typeof value === 'string') raw = value;
	const number = toE164(raw);
	if (number) return number;
	throw new NodeOperationError(
		context.getNode(),
		`Phone number "${raw}" of recipient ${position} is not in E.164 format`,
		{
			itemIndex,
			description:
				'Write it with a plus sign and the country code, such as +14155550123 or +919876543210 (at most 15 digits, no leading 0 after the +).',
		},
	);
}

/** Reads and validates the recipients of one item as eigi's `params` list. */
export function readRecipients(context: IExecuteFunctions, itemIndex: number): OutboundParam[] {
	const collection = context.getNodeParameter('recipients', itemIndex, {}) as IDataObject;
	const entries = Array.isArray(collection.recipient)
		? (collection.recipient as IDataObject[])
		: [];
	if (entries.length === 0) {
		throw new NodeOperationError(context.getNode(), 'No recipient to call', {
			itemIndex,
			description: 'Add at least one recipient with a phone number under Recipients.',
		});
	}

	return entries.map((entry, index) => {
		const param: OutboundParam = {
			mobile_number: readNumber(context, itemIndex, index + 1, entry.mobileNumber),
		};
		const metadata = readMetadata(context, itemIndex, index + 1, entry.metadata);
		if (Object.keys(metadata).length > 0) param.metadata = metadata;
		return param;
	});
}
