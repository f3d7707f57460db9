import type { ZodIssue } from 'zod';

import { CONVERSATION_ID_MAX_LENGTH } from '../../shared/conversationId';
import { InvalidDeliveryError, previewValue } from './InvalidDeliveryError';
import type { EigiPayloadField, ListProblem } from './schema';
import { FIELD_EXPECTATIONS, transcriptTurnSchema } from './schema';

const TURN_EXPECTATIONS: Record<string, string> = {
	role: 'a string or no value',
	content: 'a string, null or no value',
	timestamp: 'a string, null or no value',
};

/**
 * Turns the first zod issue of a payload into a 400 error that names the field, the value
 * received and what the field accepts.
 */
export function describeIssue(
	issue: ZodIssue,
	payload: Record<string, unknown>,
): InvalidDeliveryError {
	const field = String(issue.path[0]) as EigiPayloadField;
	const value = payload[field];
	if (field === 'conversation_id' && issue.code === 'too_big' && typeof value === 'string') {
		return new InvalidDeliveryError(
			'payload.conversation_id',
			`\`payload.conversation_id\` has ${value.length} characters; the limit is ${CONVERSATION_ID_MAX_LENGTH}. Send the conversation's id (eigi's ids are 36-character UUIDs).`,
		);
	}

	const expected = FIELD_EXPECTATIONS[field] ?? issue.message;
	return new InvalidDeliveryError(
		`payload.${field}`,
		`\`payload.${field}\` is ${previewValue(value)}; expected ${expected}.`,
	);
}

function describeInvalidTurn(turns: unknown[], index: number): InvalidDeliveryError {
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

/** Builds the 400 error for a list field problem, naming a bad transcript turn by its index. */
export function describeListProblem(
	problem: ListProblem,
	payload: Record<string, unknown>,
): InvalidDeliveryError {
	const value = payload[problem.field];
	if (problem.turnIndex !== undefined && Array.isArray(value)) {
		return describeInvalidTurn(value, problem.turnIndex);
	}
	return new InvalidDeliveryError(
		`payload.${problem.field}`,
		`\`payload.${problem.field}\` is ${previewValue(value)}; expected ${FIELD_EXPECTATIONS[problem.field]}.`,
	);
}
