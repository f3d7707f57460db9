/**
 * A delivery that the trigger rejects with 400. `field` names the request field or payload field
 * at fault (for example `event` or `payload.conversation_duration`), and `message` states what was
 * received, what was expected and how to fix it. The message echoes only delivery data, never the
 * query's `token`.
 */
export class InvalidDeliveryError extends Error {
	constructor(
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'InvalidDeliveryError';
	}
}

export const PREVIEW_LENGTH = 80;

/** Renders a received value for an error message, cut to 80 characters. */
export function previewValue(value: unknown): string {
	let text: string;
	if (value === undefined) {
		text = 'no value';
	} else {
		text = JSON.stringify(value) ?? String(value);
	}

	if (text.length <= PREVIEW_LENGTH) return text;
	return `${text.slice(0, PREVIEW_LENGTH)}… (${text.length} characters)`;
}
