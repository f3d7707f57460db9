import type { IWebhookFunctions } from 'n8n-workflow';

import { isJsonObject } from '../../shared/jsonObject';
import { describeRepeatedValues } from './describeRepeats';
import { InvalidDeliveryError, previewValue } from './InvalidDeliveryError';

/**
 * Source of the delivery's fields. eigi sends GET deliveries as a query string and POST, PUT and
 * PATCH deliveries as multipart/form-data. JSON and urlencoded bodies are accepted for senders
 * that replay or forward deliveries.
 */
export type DeliverySource = 'query' | 'multipart' | 'json' | 'urlencoded';

/** File part as n8n's multipart parser (formidable) leaves it, saved to a temporary file. */
export interface FilePart {
	filepath: string;
	originalFilename?: string | null;
	mimetype?: string | null;
	size?: number;
}

export interface RawDelivery {
	source: DeliverySource;
	event: unknown;
	payload: unknown;
	/** `payload` file parts, read only when the event is one the trigger emits. */
	payloadFiles: FilePart[];
}

const SUPPORTED_BODY_TYPES: Record<string, DeliverySource> = {
	'multipart/form-data': 'multipart',
	'application/json': 'json',
	'application/x-www-form-urlencoded': 'urlencoded',
};

function mediaType(contentTypeHeader: string | undefined): string {
	return (contentTypeHeader ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Returns the one value of a field that query strings and forms may repeat. A field repeated
 * with the same value is accepted, because its meaning is unambiguous.
 */
export function singleValue(field: string, value: unknown): unknown {
	if (!Array.isArray(value)) return value;

	const distinct = [...new Set(value.map((entry) => JSON.stringify(entry)))];
	if (distinct.length > 1) {
		throw new InvalidDeliveryError(
			field,
			`\`${field}\` was sent ${value.length} times with different values ${describeRepeatedValues(value)}. Send it once.`,
		);
	}
	return value[0];
}

function toFileParts(value: unknown): FilePart[] {
	const entries = Array.isArray(value) ? value : [value];
	return entries.filter(
		(entry): entry is FilePart => isJsonObject(entry) && typeof entry.filepath === 'string',
	);
}

const FORM_FIELD_KIND: Record<DeliverySource, string> = {
	query: 'query parameter',
	multipart: 'form field',
	json: 'field',
	urlencoded: 'form field',
};

// Express's query parser and the urlencoded body parser turn bracket syntax
// (`payload[conversation_id]=X`) into objects and arrays, and multipart fields get the same check.
// eigi sends `event` and `payload` as strings, so a structure here means bracket syntax, whose
// values would otherwise skip the JSON decoding.
function assertText(source: DeliverySource, field: string, value: unknown): void {
	const entries = Array.isArray(value) ? value : [value];
	if (!entries.some((entry) => typeof entry === 'object' && entry !== null)) return;

	const kind = FORM_FIELD_KIND[source];
	throw new InvalidDeliveryError(
		field,
		`The \`${field}\` ${kind} is ${previewValue(value)}, a structure built from bracket syntax such as ${field}[conversation_id]=…. The ${kind} must be a JSON string, such as ${field}={"conversation_id":"…"}.`,
	);
}

function formValue(source: DeliverySource, field: string, value: unknown): unknown {
	assertText(source, field, value);
	return singleValue(field, value);
}

function fromForm(source: DeliverySource, fields: unknown, files: unknown = {}): RawDelivery {
	const form = isJsonObject(fields) ? fields : {};
	const fileParts = isJsonObject(files) ? toFileParts(files.payload) : [];
	return {
		source,
		event: formValue(source, 'event', form.event),
		payload: formValue(source, 'payload', form.payload),
		payloadFiles: fileParts,
	};
}

function fromJsonBody(body: unknown): RawDelivery {
	if (body === undefined || body === '') {
		throw new InvalidDeliveryError(
			'body',
			'The request has content type application/json but an empty body. Send a JSON object with the fields `event` and `payload`.',
		);
	}
	if (!isJsonObject(body)) {
		throw new InvalidDeliveryError(
			'body',
			`The JSON body is ${previewValue(body)}; expected an object with the fields \`event\` and \`payload\`.`,
		);
	}
	return { source: 'json', event: body.event, payload: body.payload, payloadFiles: [] };
}

/**
 * Reads `event` and `payload` from a request as n8n has parsed it. GET deliveries use the query
 * string; other methods use the body, which n8n's multipart parser nests as `{ data, files }`.
 * Throws InvalidDeliveryError for a missing or unsupported body type, a field repeated with
 * different values, or an `event` or `payload` built from bracket syntax.
 */
export function readDelivery(context: IWebhookFunctions): RawDelivery {
	const request = context.getRequestObject();
	if (request.method === 'GET') {
		return fromForm('query', context.getQueryData());
	}

	const body: unknown = context.getBodyData();
	const type = mediaType(context.getHeaderData()['content-type']);
	if (type === '') {
		throw new InvalidDeliveryError(
			'content-type',
			`The ${request.method} request has no Content-Type header. Send multipart/form-data (what eigi sends), application/json or application/x-www-form-urlencoded.`,
		);
	}

	const source = SUPPORTED_BODY_TYPES[type];
	if (source === 'multipart') {
		const form = isJsonObject(body) ? body : {};
		return fromForm(source, form.data, form.files);
	}
	if (source === 'json') return fromJsonBody(body);
	if (source === 'urlencoded') return fromForm(source, body);

	throw new InvalidDeliveryError(
		'content-type',
		`The request body has content type ${previewValue(type)}. Send multipart/form-data (what eigi sends), application/json or application/x-www-form-urlencoded.`,
	);
}
