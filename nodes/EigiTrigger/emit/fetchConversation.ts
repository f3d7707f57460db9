import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ConversationFetcher } from './enrich';

const DEFAULT_BASE_URL = 'https://api.eigi.ai';

function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// The documented answer is a bare conversation; eigi's list endpoint wraps results in
// `{status, message, data}`, so a wrapped single object is accepted too.
function unwrapConversation(body: unknown): IDataObject {
	if (isPlainObject(body) && isPlainObject(body.data) && 'status' in body) return body.data;
	if (isPlainObject(body)) return body;
	throw new Error(`The eigi API returned ${typeof body} instead of a conversation object`);
}

/** Fetches `GET {baseUrl}/v1/public/conversations/{id}` with the Eigi API credential. */
export const fetchConversation: ConversationFetcher = async (
	context: IExecuteFunctions,
	conversationId: string,
	itemIndex: number,
) => {
	const credentials = await context.getCredentials<{ baseUrl?: string }>('eigiApi', itemIndex);
	const baseUrl = (credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const body: unknown = await context.helpers.httpRequestWithAuthentication.call(
		context,
		'eigiApi',
		{
			method: 'GET',
			url: `${baseUrl}/v1/public/conversations/${encodeURIComponent(conversationId)}`,
			json: true,
		},
	);
	return unwrapConversation(body);
};
