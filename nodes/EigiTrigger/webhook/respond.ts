import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { InvalidDeliveryError } from '../delivery/InvalidDeliveryError';

/** Why a valid delivery starts no execution. Each is answered with 200, so eigi does not retry. */
export type IgnoreReason = 'event_not_selected' | 'test_call' | 'duplicate';

/** Answers 200 without starting an execution. n8n sends `webhookResponse` as the body. */
export function ignoreDelivery(reason: IgnoreReason): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

// Non-2xx answers are written directly: n8n would send a returned `webhookResponse` with the
// webhook's response code, which is always 200 here.
function answer(context: IWebhookFunctions, status: number, body: object): IWebhookResponseData {
	context.getResponseObject().status(status).json(body);
	return { noWebhookResponse: true };
}

/** Answers 400 naming the field at fault; eigi shows the body in its Delivery Logs. */
export function rejectInvalidDelivery(
	context: IWebhookFunctions,
	error: InvalidDeliveryError,
): IWebhookResponseData {
	return answer(context, 400, {
		error: 'invalid_delivery',
		field: error.field,
		message: error.message,
	});
}

export function rejectUnauthorized(
	context: IWebhookFunctions,
	message: string,
): IWebhookResponseData {
	return answer(context, 401, { error: 'unauthorized', message });
}

/** Answers 500 for a failure of the trigger itself, so eigi retries the delivery. */
export function failDelivery(context: IWebhookFunctions): IWebhookResponseData {
	return answer(context, 500, {
		error: 'internal_error',
		message:
			'The Eigi Trigger failed while reading this delivery. eigi retries it; the n8n log has the cause.',
	});
}
