import type { ZodIssue } from 'zod';

import { InvalidDeliveryError, previewValue } from './InvalidDeliveryError';
import type { EigiPayloadField } from './schema';
import { FIELD_EXPECTATIONS, isTranscriptTurn, transcriptTurnSchema } from './schema';

const TURN_EXPECTATIONS: Record<string, string> = {
	role: 'a string or no value',
	content: 'a string, null or no value',
	timestamp: 'a string, null or no value',
};

function describeTranscriptIssue(turns: unknown[]): InvalidDeliveryError | undefined {
	const index = turns.findIndex((turn) => !isTranscriptTurn(turn));
	if (index === -1) return undefined;

	const turn = turns[index];
	const field = `payload.conversation_transcript[${index}]`;
	const result = transcriptTurnSchema.safeParse(turn);
	const key = result.success ? undefined : result.error.issues[0].path[0];
	if (typeof key !== 'string') {
		return new InvalidDeliveryError(
			field,
			`\`${field}\` is ${previewValue(turn)}; expected an object with role, content and timestamp.`,
		);
	}

	const value = (turn as Record<string, unknown>)[key];
	return new InvalidDeliveryError(
		`${field}.${key}`,
		`\`${field}.${key}\` is ${previewValue(value)}; expected ${TURN_EXPECTATIONS[key]}.`,
	);
}

/**
 * Turns the first zod issue of a payload into a 400 error that names the field, the value
 * received and what the field accepts. A bad transcript turn is named by its index.
 */
export function describeIssue(
	issue: ZodIssue,
	payload: Record<string, unknown>,
): InvalidDeliveryError {
	const field = String(issue.path[0]) as EigiPayloadField;
	const value = payload[field];
	if (field === 'conversation_transcript' && Array.isArray(value)) {
		const turnError = describeTranscriptIssue(value);
		if (turnError) return turnError;
	}

	const expected = FIELD_EXPECTATIONS[field] ?? issue.message;
	return new InvalidDeliveryError(
		`payload.${field}`,
		`\`payload.${field}\` is ${previewValue(value)}; expected ${expected}.`,
	);
}
