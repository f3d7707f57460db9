import { z } from 'zod';

import { CONVERSATION_ID_MAX_LENGTH } from '../../shared/conversationId';
import { isJsonObject } from '../../shared/jsonObject';

/**
 * Schemas of an eigi conversation webhook, following eigi's webhook and API documentation.
 * Every schema is open: unknown fields and unknown enum values pass through untouched, so a
 * field or value that eigi adds later does not make deliveries fail. Validation rejects only what
 * would make a documented field unusable (a number that is not a number, a transcript that is
 * not a list).
 */

export const EIGI_EVENTS = [
	'conversation.completed',
	'conversation.disconnected',
	'conversation.failed',
] as const;

export type EigiEvent = (typeof EIGI_EVENTS)[number];

// eigi's documentation writes enum values in more than one case (`Daily` and `DAILY`), so the
// event name is compared case-insensitively and emitted in the documented lower case.
export const eventSchema = z.string().trim().toLowerCase().pipe(z.enum(EIGI_EVENTS));

/** Documented values per enum field. Any other value is valid and passes through unchanged. */
export const KNOWN_ENUM_VALUES = {
	conversation_type: ['DAILY', 'TELEPHONY', 'WHATSAPP', 'CHAT'],
	conversation_status: ['IN_PROGRESS', 'COMPLETED', 'DISCONNECTED', 'FAILED'],
	calling_type: ['INBOUND', 'OUTBOUND'],
	telephony_provider: ['PLIVO', 'TWILIO'],
} as const;

const NUMERIC_STRING = /^\s*-?\d+(?:\.\d+)?\s*$/;
const BOOLEAN_STRING = /^\s*(?:true|false)\s*$/i;

const optionalText = z.string().nullable().optional();

// Numbers and booleans may arrive as strings (form and query encodings carry only text), and an
// empty string stands for "no value". The Simplify option converts them; validation keeps them.
const optionalNumber = z
	.union([z.number().finite(), z.string().regex(NUMERIC_STRING), z.literal('')])
	.nullable()
	.optional();

const optionalBoolean = z
	.union([z.boolean(), z.string().regex(BOOLEAN_STRING), z.literal('')])
	.nullable()
	.optional();

export const transcriptTurnSchema = z
	.object({
		role: z.string().optional(),
		content: z.string().nullable().optional(),
		timestamp: z.string().nullable().optional(),
	})
	.passthrough();

export type EigiTranscriptTurn = z.infer<typeof transcriptTurnSchema>;

function isOptionalString(value: unknown): boolean {
	return value === undefined || value === null || typeof value === 'string';
}

/** Checks one transcript turn the way `transcriptTurnSchema` does, without copying it. */
export function isTranscriptTurn(value: unknown): value is EigiTranscriptTurn {
	if (!isJsonObject(value)) return false;
	if (value.role !== undefined && typeof value.role !== 'string') return false;
	return isOptionalString(value.content) && isOptionalString(value.timestamp);
}

// The two list fields are left to `findListProblem` below, because a 2 MB transcript contains
// thousands of turns and every zod way of checking them was slow. Measured on Node 20 and 24 with
// 5,000 turns: parsing each turn with zod took about 3x as long as JSON.parse alone. `z.array()`
// allocates per element, which doubled the time once that garbage was collected. A refinement or
// custom check (ZodEffects) anywhere in this schema made V8 run several full garbage collections
// per 300 deliveries, where plain schemas ran one.
const checkedAfterParsing = z.unknown();

export const payloadSchema = z
	.object({
		event: optionalText,
		id: optionalText,
		// The id becomes a de-duplication key kept in memory and in static data, so its length is capped.
		conversation_id: z.string().regex(/\S/).max(CONVERSATION_ID_MAX_LENGTH),
		agent_id: optionalText,
		conversation_type: optionalText,
		conversation_status: optionalText,
		notes: optionalText,
		conversation_duration: optionalNumber,
		conversation_recording_url: optionalText,
		calling_type: optionalText,
		telephony_provider: optionalText,
		to_mobile_number: optionalText,
		from_mobile_number: optionalText,
		is_test_call: optionalBoolean,
		conversation_transcript: checkedAfterParsing,
		conversation_analysis: checkedAfterParsing,
	})
	.passthrough();

type SchemaCheckedPayload = z.infer<typeof payloadSchema>;

/** A payload that passed `payloadSchema` and `findListProblem`. */
export type EigiPayload = SchemaCheckedPayload & {
	conversation_transcript?: EigiTranscriptTurn[] | '' | null;
	// The analysis is free-form (for example `[{"is_good": true}]`), so only the list is checked.
	conversation_analysis?: unknown[] | '' | null;
};

/** Location of an invalid list field: the field, and the index of the bad turn if any. */
export interface ListProblem {
	field: 'conversation_transcript' | 'conversation_analysis';
	turnIndex?: number;
}

function isOptionalList(value: unknown): boolean {
	return value === undefined || value === null || value === '' || Array.isArray(value);
}

// A plain loop: on a just-parsed 5,000-turn transcript, `findIndex` with a callback took about
// twice as long (Node 20 and 24).
function findInvalidTurn(turns: unknown[]): number {
	for (let index = 0; index < turns.length; index++) {
		if (!isTranscriptTurn(turns[index])) return index;
	}
	return -1;
}

/** Returns the first problem of the payload's list fields, or undefined when both are valid. */
export function findListProblem(payload: SchemaCheckedPayload): ListProblem | undefined {
	const transcript = payload.conversation_transcript;
	if (!isOptionalList(transcript)) return { field: 'conversation_transcript' };
	if (Array.isArray(transcript)) {
		const turnIndex = findInvalidTurn(transcript);
		if (turnIndex !== -1) return { field: 'conversation_transcript', turnIndex };
	}

	if (!isOptionalList(payload.conversation_analysis)) return { field: 'conversation_analysis' };
	return undefined;
}

export type EigiPayloadField = keyof typeof payloadSchema.shape;

const TEXT = 'a string, null or no value';

/** Accepted values of each documented field, in the words of the 400 responses. */
export const FIELD_EXPECTATIONS: Record<EigiPayloadField, string> = {
	event: TEXT,
	id: TEXT,
	conversation_id: `a non-empty string of at most ${CONVERSATION_ID_MAX_LENGTH} characters (the conversation UUID)`,
	agent_id: TEXT,
	conversation_type: TEXT,
	conversation_status: TEXT,
	notes: TEXT,
	conversation_duration: 'a number, a numeric string, "", null or no value',
	conversation_recording_url: TEXT,
	calling_type: TEXT,
	telephony_provider: TEXT,
	to_mobile_number: TEXT,
	from_mobile_number: TEXT,
	is_test_call: 'true, false, "true", "false", "", null or no value',
	conversation_transcript:
		'a list of turns, each an object whose role, content and timestamp are strings, or "", null or no value',
	conversation_analysis: 'a list, "", null or no value',
};

export const NUMBER_FIELDS = ['conversation_duration'] as const;
export const BOOLEAN_FIELDS = ['is_test_call'] as const;
export const PHONE_NUMBER_FIELDS = ['to_mobile_number', 'from_mobile_number'] as const;
