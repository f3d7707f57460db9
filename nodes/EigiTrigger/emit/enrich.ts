import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { mergeConversation } from './mergeConversation';

/** Fetches one conversation from eigi's API: `GET /v1/public/conversations/{id}`. */
export type ConversationFetcher = (
	conversationId: string,
	itemIndex: number,
) => Promise<IDataObject>;

export interface EnrichmentOptions {
	waitForAnalysis: boolean;
	analysisMaxWaitSeconds: number;
}

/** Recorded on the item as `enrichment_error` when a fetch fails. */
export interface EnrichmentError extends IDataObject {
	message: string;
	/** Advice on what to do next, when the error carries one. */
	description?: string;
	http_code?: number;
}

const FIRST_RETRY_DELAY_MS = 1_000;
const MAX_RETRY_DELAY_MS = 10_000;

export function describeEnrichmentError(error: unknown, prefix = ''): EnrichmentError {
	const message = error instanceof Error ? error.message : String(error);
	const result: EnrichmentError = { message: `${prefix}${message}` };
	const description = (error as { description?: unknown } | null)?.description;
	if (typeof description === 'string' && description !== '') result.description = description;

	const httpCode = Number((error as { httpCode?: unknown } | null)?.httpCode);
	if (Number.isInteger(httpCode) && httpCode > 0) result.http_code = httpCode;
	return result;
}

function analysisPending(conversation: IDataObject): boolean {
	return (
		conversation.conversation_analysis === null || conversation.conversation_analysis === undefined
	);
}

/**
 * Fetches again while `conversation_analysis` is null (eigi fills it some time after the call
 * ends), waiting 1 s, then 2 s, 4 s, 8 s and 10 s between fetches, and stops before the wait
 * would pass `analysisMaxWaitSeconds`. Cancelling the execution ends the wait. A failed re-fetch
 * ends the wait and keeps the last fetched conversation, with the failure reported.
 */
async function waitForAnalysis(
	context: IExecuteFunctions,
	fetch: ConversationFetcher,
	first: IDataObject,
	conversationId: string,
	itemIndex: number,
	maxWaitSeconds: number,
): Promise<{ conversation: IDataObject; error?: EnrichmentError }> {
	const deadline = Date.now() + maxWaitSeconds * 1000;
	let conversation = first;
	let delay = FIRST_RETRY_DELAY_MS;
	while (analysisPending(conversation) && Date.now() + delay <= deadline) {
		await sleep(delay, context.getExecutionCancelSignal());

		try {
			conversation = await fetch(conversationId, itemIndex);
		} catch (error) {
			const prefix =
				'Fetched the conversation, but a later fetch while waiting for its analysis failed: ';
			return { conversation, error: describeEnrichmentError(error, prefix) };
		}
		delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
	}
	return { conversation };
}

/**
 * Merges the conversation from eigi's API into a delivery item. Runs in execute(), after n8n
 * has responded to eigi, so a slow API cannot make eigi retry. A failed fetch never drops the item:
 * it is emitted as delivered, with `enrichment_error` set.
 */
export async function enrichDelivery(
	context: IExecuteFunctions,
	fetch: ConversationFetcher,
	delivery: IDataObject,
	options: EnrichmentOptions,
	itemIndex: number,
): Promise<IDataObject> {
	const conversationId = String(delivery.conversation_id);
	let conversation: IDataObject;
	try {
		conversation = await fetch(conversationId, itemIndex);
	} catch (error) {
		context.logger.warn('Eigi Trigger could not fetch the conversation to enrich a delivery', {
			conversationId,
			error: error instanceof Error ? error.message : String(error),
		});
		return { ...delivery, enrichment_error: describeEnrichmentError(error) };
	}

	if (!options.waitForAnalysis) return mergeConversation(delivery, conversation);

	const waited = await waitForAnalysis(
		context,
		fetch,
		conversation,
		conversationId,
		itemIndex,
		options.analysisMaxWaitSeconds,
	);
	const merged = mergeConversation(delivery, waited.conversation);
	return waited.error ? { ...merged, enrichment_error: waited.error } : merged;
}
