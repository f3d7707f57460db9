import type { IDataObject } from 'n8n-workflow';

import { transcriptText } from '../../shared/transcript';
import { BOOLEAN_FIELDS, KNOWN_ENUM_VALUES, NUMBER_FIELDS } from '../delivery/schema';

// Documented string fields that Simplify always sets: "" and a missing key become null.
const TEXT_FIELDS = [
	'id',
	'agent_id',
	'conversation_type',
	'conversation_status',
	'notes',
	'conversation_recording_url',
	'calling_type',
	'telephony_provider',
	'to_mobile_number',
	'from_mobile_number',
] as const;

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || value === '';
}

// Values the webhook validation never saw (for example fields merged in by Enrich) may be other
// strings; those stay as they are.
function toNumber(value: IDataObject[string]): IDataObject[string] {
	if (isBlank(value)) return null;
	if (typeof value !== 'string' || value.trim() === '') return value;

	const parsed = Number(value.trim());
	return Number.isFinite(parsed) ? parsed : value;
}

function toBoolean(value: IDataObject[string]): IDataObject[string] {
	if (isBlank(value)) return null;
	if (typeof value !== 'string') return value;

	const text = value.trim().toLowerCase();
	if (text === 'true') return true;
	if (text === 'false') return false;
	return value;
}

function toKnownCase(value: IDataObject[string], known: readonly string[]): IDataObject[string] {
	if (typeof value !== 'string') return value;
	return known.find((entry) => entry === value.toUpperCase()) ?? value;
}

function toTurns(value: unknown): IDataObject[] {
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}

/**
 * Returns the item in a shape downstream nodes can rely on. Every documented field is present,
 * and "" or a missing value becomes null. Numeric and "true"/"false" strings become numbers and
 * booleans where the field is documented as such. Known enum values are upper-cased
 * (`Daily` → `DAILY`), and unknown ones stay as sent. A null, "" or missing transcript becomes
 * [], and `transcript_text` is added. Unknown fields pass through unchanged.
 */
export function simplifyDelivery(json: IDataObject): IDataObject {
	const simplified: IDataObject = { ...json };
	for (const field of TEXT_FIELDS) {
		simplified[field] = isBlank(json[field]) ? null : json[field];
	}
	for (const [field, known] of Object.entries(KNOWN_ENUM_VALUES)) {
		simplified[field] = toKnownCase(simplified[field], known);
	}
	for (const field of NUMBER_FIELDS) simplified[field] = toNumber(json[field]);
	for (const field of BOOLEAN_FIELDS) simplified[field] = toBoolean(json[field]);

	const turns = toTurns(json.conversation_transcript);
	simplified.conversation_transcript = turns;
	simplified.transcript_text = transcriptText(turns);
	simplified.conversation_analysis = isBlank(json.conversation_analysis)
		? null
		: json.conversation_analysis;
	return simplified;
}
