import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../shared/jsonObject';
import { PHONE_NUMBER_FIELDS } from '../delivery/schema';

/**
 * Call fields that eigi's API nests under `conversation_metadata` and its webhook sends at the
 * top level. Enrich lifts them to the webhook's flat names.
 */
export const METADATA_CALL_FIELDS = [
	'to_mobile_number',
	'from_mobile_number',
	'calling_type',
	'telephony_provider',
	'conversation_recording_url',
	'conversation_duration',
] as const;

/** Moves the call fields out of `conversation_metadata`; other metadata stays nested. */
export function flattenConversation(conversation: IDataObject): IDataObject {
	const metadata = conversation.conversation_metadata;
	if (!isJsonObject(metadata)) return { ...conversation };

	const flat: IDataObject = { ...conversation };
	const rest: IDataObject = { ...metadata };
	for (const field of METADATA_CALL_FIELDS) {
		if (field in metadata) {
			flat[field] = metadata[field];
			delete rest[field];
		}
	}
	flat.conversation_metadata = rest;
	return flat;
}

function digitsOf(value: unknown): string | undefined {
	return typeof value === 'string' ? value.replace(/\D/g, '') : undefined;
}

// The API sometimes drops the leading `+` of `from_mobile_number`; the webhook's form wins when
// both name the same number.
function keepsDeliveryValue(field: string, deliveryValue: unknown, apiValue: unknown): boolean {
	if (apiValue === undefined || apiValue === null) return deliveryValue !== undefined;
	if (!(PHONE_NUMBER_FIELDS as readonly string[]).includes(field)) return false;
	return digitsOf(deliveryValue) !== undefined && digitsOf(deliveryValue) === digitsOf(apiValue);
}

/**
 * Merges the API's conversation into a delivery item. The API's values win, because they are
 * the latest, except where the API has null or nothing (the delivery's value stays) and where
 * both hold the same phone number (the delivery's E.164 form stays). `event` and
 * `deduplication_key` always keep the delivery's values.
 */
export function mergeConversation(delivery: IDataObject, conversation: IDataObject): IDataObject {
	const merged: IDataObject = { ...delivery };
	for (const [field, apiValue] of Object.entries(flattenConversation(conversation))) {
		if (field === 'event' || field === 'deduplication_key') continue;
		if (keepsDeliveryValue(field, delivery[field], apiValue)) continue;
		merged[field] = apiValue;
	}
	return merged;
}
