import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { InvalidDeliveryError } from '../delivery/InvalidDeliveryError';

/** Reason a valid delivery starts no execution. Each gets a 200 response, so eigi does not retry. */
export type IgnoreReason = 'event_not_selected' | 'test_call' | 'duplicate';

/** Responds with 200 and starts no execution. n8n sends `webhookResponse` as the body. */
export function ignoreDelivery(reason: IgnoreReason): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

// Non-2xx responses are written directly: n8n would send a returned `webhookResponse` with the
// webhook's response code, which is always 200 here.
function respond(context: IWebhookFunctions, status: number, body: object): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/** Responds with 400 naming the field at fault. eigi shows the body in its Delivery Logs. */
export function rejectInvalidDelivery(
	context: IWebhookFunctions,
	error: InvalidDeliveryError,
): IWebhookResponseData {
	return respond(context, 400, {
		error: 'invalid_delivery',
		field: error.field,
		message: error.message,
	});
}

export function rejectUnauthorized(
	context: IWebhookFunctions,
	message: string,
): IWebhookResponseData {
	return respond(context, 401, { error: 'unauthorized', message });
}

/** Responds with 500 for a failure of the trigger itself, so eigi retries the delivery. */
export function failDelivery(context: IWebhookFunctions): IWebhookResponseData {
	return respond(context, 500, {
		error: 'internal_error',
		message:
			'The Eigi Trigger failed while reading this delivery. eigi retries it; the n8n log has the cause.',
	});
}
