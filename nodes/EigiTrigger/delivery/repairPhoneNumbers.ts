import type { DeliverySource } from './readDelivery';
import { PHONE_NUMBER_FIELDS } from './schema';

// Query strings and urlencoded forms decode `+` as a space. When eigi leaves the leading `+` of an
// E.164 number unencoded in a GET URL, `+14155550123` arrives as ` 14155550123`.
const SPACE_FOR_PLUS = /^ (?=\d)/;

const FORM_ENCODED_SOURCES: readonly DeliverySource[] = ['query', 'urlencoded'];

/**
 * Restores the `+` of phone-number fields that form encoding turned into a leading space. Only
 * `to_mobile_number` and `from_mobile_number` are repaired, and only for query and urlencoded
 * deliveries. A `+` elsewhere in such a payload (for example in transcript text) cannot be
 * distinguished from a space, so it stays a space. Mutates and returns `payload`.
 */
export function repairPhoneNumbers<T extends Record<string, unknown>>(
	payload: T,
	source: DeliverySource,
): T {
	if (!FORM_ENCODED_SOURCES.includes(source)) return payload;

	for (const field of PHONE_NUMBER_FIELDS) {
		const value = payload[field];
		if (typeof value === 'string' && SPACE_FOR_PLUS.test(value)) {
			(payload as Record<string, unknown>)[field] = `+${value.slice(1)}`;
		}
	}
	return payload;
}
