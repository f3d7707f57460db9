import type { IDataObject } from 'n8n-workflow';

import type { FilePartSpec } from './multipartFiles';
import { multipartBody } from './multipartFiles';
import type { HttpMethod, WebhookRequest } from './webhookHarness';

export interface BuiltRequest {
	request: WebhookRequest;
	fileContents: Map<string, Buffer>;
}

function payloadText(payload: unknown): string {
	return typeof payload === 'string' ? payload : JSON.stringify(payload);
}

/** Builds a GET delivery as eigi sends it: `event` and the JSON `payload`, URL-encoded in the query. */
export function queryDelivery(
	event: string,
	payload: unknown,
	extra: Array<[string, string]> = [],
): BuiltRequest {
	const fields: Array<[string, string]> = [
		['event', event],
		['payload', payloadText(payload)],
		...extra,
	];
	const rawQuery = new URLSearchParams(fields).toString();
	return { request: { method: 'GET', rawQuery }, fileContents: new Map() };
}

/** Builds a POST, PUT or PATCH delivery as eigi sends it: multipart fields `event` and `payload`. */
export function multipartDelivery(
	method: HttpMethod,
	fields: Array<[string, string]>,
	files: Record<string, FilePartSpec | FilePartSpec[]> = {},
	rawQuery?: string,
): BuiltRequest {
	const { body, fileContents } = multipartBody(fields, files);
	return {
		request: { method, contentType: 'multipart/form-data; boundary=x', body, rawQuery },
		fileContents,
	};
}

export function multipartEvent(method: HttpMethod, event: string, payload: unknown): BuiltRequest {
	return multipartDelivery(method, [
		['event', event],
		['payload', payloadText(payload)],
	]);
}

/** Builds a JSON body `{ event, payload }`. `payload` stays an object unless given as a string. */
export function jsonDelivery(method: HttpMethod, body: unknown): BuiltRequest {
	return {
		request: { method, contentType: 'application/json; charset=utf-8', body },
		fileContents: new Map(),
	};
}

/** Builds an urlencoded body as n8n parses it: fields decoded, repeated fields as arrays. */
export function urlencodedDelivery(method: HttpMethod, body: IDataObject): BuiltRequest {
	return {
		request: { method, contentType: 'application/x-www-form-urlencoded', body },
		fileContents: new Map(),
	};
}
