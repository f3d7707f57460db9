// Builds and sends webhook deliveries the way eigi does: GET with `event` and `payload` (a JSON
// string) in the query, or POST/PUT/PATCH with the same two fields as multipart form-data. Used by
// the e2e tests and by `npm run demo:send`.
const { randomUUID } = require('node:crypto');

const EVENT_STATUS = {
	'conversation.completed': 'COMPLETED',
	'conversation.disconnected': 'DISCONNECTED',
	'conversation.failed': 'FAILED',
};

/**
 * Returns a phone-call payload shaped like eigi's webhook documentation, with a fresh
 * `conversation_id` unless `overrides` sets one.
 */
function samplePayload(event, overrides = {}) {
	const conversationId = overrides.conversation_id ?? randomUUID();
	const completed = event === 'conversation.completed';
	return {
		event,
		id: '69316c7d6519e8d49433e40b',
		conversation_id: conversationId,
		agent_id: '68ea2517dbb84c09bae1ba0a',
		conversation_type: 'TELEPHONY',
		conversation_status: EVENT_STATUS[event] ?? 'COMPLETED',
		notes: null,
		conversation_duration: completed ? 142 : 9,
		// The .invalid top-level domain never resolves, so nothing can fetch this URL by accident.
		conversation_recording_url: completed
			? `https://recordings.example.invalid/${conversationId}.mp3`
			: null,
		calling_type: 'OUTBOUND',
		telephony_provider: 'TWILIO',
		to_mobile_number: '+14155550123',
		from_mobile_number: '+14155550999',
		is_test_call: false,
		conversation_transcript: completed
			? [
					{
						role: 'assistant',
						content: 'Hello, this is the eigi assistant.',
						timestamp: '2025-12-03T14:14:23.735228+00:00',
					},
					{
						role: 'user',
						content: 'Hi, I would like to confirm Tuesday.',
						timestamp: '2025-12-03T14:14:27.102113+00:00',
					},
				]
			: [],
		conversation_analysis: completed ? [{ is_good: true }] : [],
		...overrides,
	};
}

/** Returns the form fields of a delivery: `event`, and `payload` serialised as eigi does. */
function deliveryFields(event, payload) {
	return [
		['event', event],
		['payload', typeof payload === 'string' ? payload : JSON.stringify(payload)],
	];
}

function appendQuery(url, query) {
	if (!query) return url;
	return `${url}${url.includes('?') ? '&' : '?'}${query}`;
}

function buildRequest(url, { method, format, fields, rawQuery, body, contentType }) {
	if (format === 'query') {
		const query = rawQuery ?? new URLSearchParams(fields).toString();
		return { url: appendQuery(url, query), init: { method } };
	}
	if (format === 'multipart') {
		const form = new FormData();
		for (const [name, value] of fields) {
			if (typeof value === 'object' && value !== null && 'file' in value) {
				form.append(
					name,
					new Blob([value.file], { type: value.type ?? 'application/json' }),
					value.fileName ?? name,
				);
			} else {
				form.append(name, value);
			}
		}
		return { url, init: { method, body: form } };
	}
	if (format === 'urlencoded') {
		return {
			url,
			init: {
				method,
				body: new URLSearchParams(fields),
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
			},
		};
	}
	if (format === 'json') {
		const json = body ?? Object.fromEntries(fields);
		return {
			url,
			init: { method, body: JSON.stringify(json), headers: { 'content-type': 'application/json' } },
		};
	}
	if (format === 'raw') {
		return { url, init: { method, body, headers: { 'content-type': contentType } } };
	}
	throw new Error(
		`Unknown delivery format "${format}". Use query, multipart, urlencoded, json or raw.`,
	);
}

/**
 * Sends one delivery and returns `{ status, body, text }` (`body` is the parsed JSON response, or
 * null). `format` defaults to `query` for GET and `multipart` otherwise; `fields` is a list of
 * [name, value] pairs, where a value `{ file, fileName, type }` becomes a file part.
 */
async function sendDelivery(
	url,
	{ method = 'POST', format, fields = [], rawQuery, body, contentType } = {},
) {
	const request = buildRequest(url, {
		method,
		format: format ?? (method === 'GET' ? 'query' : 'multipart'),
		fields,
		rawQuery,
		body,
		contentType,
	});
	const response = await fetch(request.url, {
		...request.init,
		signal: AbortSignal.timeout(30_000),
	});
	const text = await response.text();
	let parsed = null;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = null;
	}
	return {
		status: response.status,
		body: parsed,
		text,
		contentType: response.headers.get('content-type'),
	};
}

module.exports = { EVENT_STATUS, deliveryFields, samplePayload, sendDelivery };
