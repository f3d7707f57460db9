import type { IBinaryData, IWebhookFunctions } from 'n8n-workflow';

import { describeIssue, describeListProblem } from './describeIssue';
import { InvalidDeliveryError, previewValue } from './InvalidDeliveryError';
import type { RawDelivery } from './readDelivery';
import { singleValue } from './readDelivery';
import { readPayloadFile } from './readPayloadFile';
import { repairPhoneNumbers } from './repairPhoneNumbers';
import type { EigiEvent, EigiPayload } from './schema';
import { EIGI_EVENTS, eventSchema, findListProblem, payloadSchema } from './schema';

export interface ParsedPayload {
	payload: EigiPayload;
	/** Set when `payload` arrived as a file part. */
	binary?: IBinaryData;
}

const EVENT_LIST = EIGI_EVENTS.join(', ');

/** Validates the delivery's `event`, compared case-insensitively. */
export function parseEvent(raw: RawDelivery): EigiEvent {
	if (raw.event === undefined || raw.event === '') {
		throw new InvalidDeliveryError(
			'event',
			`The delivery has no \`event\`. Send one of ${EVENT_LIST} as a query parameter (GET) or a form field (POST, PUT, PATCH).`,
		);
	}

	const result = eventSchema.safeParse(raw.event);
	if (!result.success) {
		throw new InvalidDeliveryError(
			'event',
			`\`event\` is ${previewValue(raw.event)}, which is not an eigi conversation event. Expected one of ${EVENT_LIST}.`,
		);
	}
	return result.data;
}

async function readPayloadSource(
	context: IWebhookFunctions,
	raw: RawDelivery,
): Promise<{ value: unknown; binary?: IBinaryData }> {
	if (raw.payloadFiles.length === 0) return { value: raw.payload };

	const files = await Promise.all(raw.payloadFiles.map((file) => readPayloadFile(context, file)));
	const texts = files.map((file) => file.text);
	const value = singleValue('payload', raw.payload === undefined ? texts : [raw.payload, ...texts]);
	return { value, binary: files[0].binary };
}

function decodePayload(value: unknown): unknown {
	if (typeof value !== 'string') return value;

	let reason: string;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		reason = error instanceof Error ? error.message : String(error);
	}
	throw new InvalidDeliveryError(
		'payload',
		`\`payload\` is not valid JSON (${reason}). Received ${previewValue(value)}. Send the conversation as a JSON object.`,
	);
}

function assertPresent(value: unknown): void {
	if (value === undefined || value === '') {
		throw new InvalidDeliveryError(
			'payload',
			'The delivery has no `payload`. Send the conversation as a JSON string in the `payload` query parameter (GET) or form field (POST, PUT, PATCH).',
		);
	}
}

function assertObject(value: unknown): asserts value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new InvalidDeliveryError(
			'payload',
			`\`payload\` is ${previewValue(value)}; expected a JSON object with at least \`conversation_id\`.`,
		);
	}
}

function validatePayload(decoded: Record<string, unknown>): EigiPayload {
	const result = payloadSchema.safeParse(decoded);
	if (!result.success) throw describeIssue(result.error.issues[0], decoded);

	const problem = findListProblem(result.data);
	if (problem) throw describeListProblem(problem, decoded);

	// The schema types the two list fields as unknown, and findListProblem has just checked them.
	return result.data as EigiPayload;
}

function assertSameEvent(payload: EigiPayload, event: EigiEvent): void {
	if (payload.event === undefined || payload.event === null || payload.event === '') return;
	if (payload.event.trim().toLowerCase() === event) return;

	throw new InvalidDeliveryError(
		'payload.event',
		`\`payload.event\` is ${previewValue(payload.event)} but the delivery's \`event\` is "${event}". Send the same event in both, or leave \`payload.event\` out.`,
	);
}

/**
 * Reads and validates the delivery's `payload`: a JSON string (field, query parameter or file
 * part) or an object, containing at least a non-empty `conversation_id`.
 */
export async function parsePayload(
	context: IWebhookFunctions,
	raw: RawDelivery,
	event: EigiEvent,
): Promise<ParsedPayload> {
	const { value, binary } = await readPayloadSource(context, raw);

	assertPresent(value);
	const decoded = decodePayload(value);
	assertObject(decoded);
	repairPhoneNumbers(decoded, raw.source);

	const payload = validatePayload(decoded);
	assertSameEvent(payload, event);
	return { payload, binary };
}
