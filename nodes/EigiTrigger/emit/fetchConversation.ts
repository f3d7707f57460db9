import type { IExecuteFunctions } from 'n8n-workflow';

import { fetchConversation } from '../../Eigi/actions/conversation/common';
import { EigiClient } from '../../Eigi/transport/client';
import { RequestRateLimiter } from '../../Eigi/transport/rateLimiter';
import type { ConversationFetcher } from './enrich';

/**
 * Returns a fetcher for one execution that uses the Eigi node's HTTP client with the `eigiApi`
 * credential. The trigger has no retry options of its own, so the client's defaults apply: a
 * 30 s timeout, and up to 5 attempts within 120 s on 429, 5xx and network errors.
 */
export function conversationFetcher(context: IExecuteFunctions): ConversationFetcher {
	const client = new EigiClient(context, new RequestRateLimiter(0));
	return async (conversationId, itemIndex) =>
		await fetchConversation(context, client, itemIndex, conversationId);
}
