import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { verifyToken } from '../auth/verifyToken';
import { checkAndRemember } from '../deduplication/deduplicate';
import { deduplicationKey } from '../deduplication/keys';
import { InvalidDeliveryError } from '../delivery/InvalidDeliveryError';
import type { ParsedPayload } from '../delivery/parseDelivery';
import { parseEvent, parsePayload } from '../delivery/parseDelivery';
import { readDelivery } from '../delivery/readDelivery';
import type { EigiEvent, EigiPayload } from '../delivery/schema';
import { readSettings } from '../settings';
import { logRejection } from './logRejection';
import { failDelivery, ignoreDelivery, rejectInvalidDelivery, rejectUnauthorized } from './respond';

function isTestCall(payload: EigiPayload): boolean {
	const value = payload.is_test_call;
	return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

function acceptDelivery(
	event: EigiEvent,
	parsed: ParsedPayload,
	key: string,
): IWebhookResponseData {
	const { payload, binary } = parsed;
	const json = { ...payload, event, deduplication_key: key } as IDataObject;
	const item = binary ? { json, binary: { payload: binary } } : { json };
	return {
		workflowData: [[item]],
		webhookResponse: { received: true, event, conversation_id: payload.conversation_id },
	};
}

async function processDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readSettings((name, fallback) => context.getNodeParameter(name, fallback));
	for (const problem of settings.problems) context.logger.warn(`Eigi Trigger: ${problem}`);

	if (settings.authentication === 'token') {
		const verdict = await verifyToken(context);
		if (!verdict.accepted) {
			logRejection(context, 'unauthorized', {});
			return rejectUnauthorized(context, verdict.message);
		}
	}

	const raw = readDelivery(context);
	const event = parseEvent(raw);
	if (!settings.events.includes(event)) return ignoreDelivery('event_not_selected');

	const parsed = await parsePayload(context, raw, event);
	if (!settings.includeTestCalls && isTestCall(parsed.payload)) return ignoreDelivery('test_call');

	const key = deduplicationKey(event, parsed.payload.conversation_id);
	if (checkAndRemember(context, settings, key) === 'duplicate') {
		context.logger.debug('Eigi Trigger ignored a duplicate delivery', { deduplicationKey: key });
		return ignoreDelivery('duplicate');
	}
	return acceptDelivery(event, parsed, key);
}

/**
 * Responds to one eigi delivery: 401 for a missing or wrong token, 400 for a malformed delivery,
 * 200 without an execution for an ignored one, and 200 with one item otherwise. Never throws:
 * a failure of the trigger itself gets a 500 response, so eigi retries the delivery.
 */
export async function handleDelivery(context: IWebhookFunctions): Promise<IWebhookResponseData> {
	try {
		return await processDelivery(context);
	} catch (error) {
		if (error instanceof InvalidDeliveryError) {
			logRejection(context, 'invalid delivery', { field: error.field });
			return rejectInvalidDelivery(context, error);
		}

		context.logger.error('Eigi Trigger failed to read a delivery', {
			node: context.getNode().name,
			error: error instanceof Error ? error.message : String(error),
		});
		return failDelivery(context);
	}
}
