import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapWithConcurrency } from '../helpers/concurrency';
import { KeyedSequencer } from '../helpers/sequencer';
import { EigiClient } from '../transport/client';
import { RequestRateLimiter } from '../transport/rateLimiter';
import * as call from './call/Call.resource';
import * as chat from './chat/Chat.resource';
import * as conversation from './conversation/Conversation.resource';
import type { EigiOperation } from './operation';
import { readRunSettings } from './options';

const OPERATIONS: Record<string, Record<string, EigiOperation>> = {
	call: { startOutbound: call.startOutbound },
	chat: { sendMessage: chat.sendMessage },
	conversation: {
		downloadRecording: conversation.downloadRecording,
		get: conversation.get,
		getAll: conversation.getAll,
		getTranscript: conversation.getTranscript,
	},
};

type ItemError = NodeApiError | NodeOperationError;
type ItemOutcome = { items: INodeExecutionData[] } | { error: ItemError };

function findOperation(context: IExecuteFunctions): EigiOperation {
	const resource = context.getNodeParameter('resource', 0) as string;
	const operation = context.getNodeParameter('operation', 0) as string;
	const found = OPERATIONS[resource]?.[operation];
	if (found) return found;
	throw new NodeOperationError(
		context.getNode(),
		`The operation "${operation}" of resource "${resource}" is not supported`,
		{ description: 'Pick a resource and an operation from the lists in the node.' },
	);
}

function asItemError(context: IExecuteFunctions, error: unknown, itemIndex: number): ItemError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}

// Error items carry only `error` and `details`, so n8n's error output recognises them. They get
// no `error` property: n8n would then replace the JSON with the message alone.
function errorItem(error: ItemError, itemIndex: number): INodeExecutionData {
	const details: Record<string, string> = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) details.httpCode = error.httpCode;
	return { json: { error: error.message, details }, pairedItem: { item: itemIndex } };
}

function sequenceKeyOf(
	context: IExecuteFunctions,
	operation: EigiOperation,
	itemIndex: number,
): string | undefined {
	try {
		return operation.sequenceKey?.call(context, itemIndex);
	} catch {
		// A parameter that cannot be read fails the item in execute(), with the item's index.
		return undefined;
	}
}

/**
 * Runs the selected operation for every input item, `concurrency` items at a time, with one
 * client and one rate limiter for all of them. Items with the same sequence key (messages of one
 * chat session) run in input order. Output keeps the input order. Without "Continue On Fail", no
 * new item starts after a failure and the failure of the lowest item index is thrown once running
 * items have finished.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = findOperation(this);
	const settings = readRunSettings(this);
	const client = new EigiClient(this, new RequestRateLimiter(settings.requestsPerMinute));
	const sequencer = new KeyedSequencer();
	const continueOnFail = this.continueOnFail();
	let failure: { itemIndex: number; error: ItemError } | undefined;

	const runItem = async (itemIndex: number): Promise<ItemOutcome | undefined> => {
		if (failure && !continueOnFail) return undefined;
		try {
			return { items: await operation.execute.call(this, itemIndex, client) };
		} catch (caught) {
			const error = asItemError(this, caught, itemIndex);
			if (!continueOnFail && (!failure || itemIndex < failure.itemIndex)) {
				failure = { itemIndex, error };
			}
			return { error };
		}
	};

	const outcomes = await mapWithConcurrency<ItemOutcome | undefined>(
		items.length,
		settings.concurrency,
		async (itemIndex) =>
			await sequencer.run(
				sequenceKeyOf(this, operation, itemIndex),
				async () => await runItem(itemIndex),
			),
		() => failure !== undefined,
	);
	if (failure) throw failure.error;

	const returnData: INodeExecutionData[] = [];
	outcomes.forEach((outcome, itemIndex) => {
		if (!outcome) return;
		if ('items' in outcome) returnData.push(...outcome.items);
		else returnData.push(errorItem(outcome.error, itemIndex));
	});
	return [returnData];
}
