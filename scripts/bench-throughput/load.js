// Sends benchmark deliveries over HTTP/1.1 keep-alive connections to 127.0.0.1: a closed loop with
// a fixed number of requests in flight, and single requests for time to response.
const http = require('node:http');
const { performance } = require('node:perf_hooks');

const REQUEST_TIMEOUT_MS = 60_000;

/** Posts one delivery and resolves `{ status, body, ms }`, with status 0 when the request failed. */
function postDelivery(agent, url, delivery, conversationId) {
	const body = delivery.body(conversationId);
	const startedAt = performance.now();
	return new Promise((resolve) => {
		const request = http.request(url, {
			method: 'POST',
			agent,
			headers: { 'content-type': delivery.contentType, 'content-length': body.length },
			timeout: REQUEST_TIMEOUT_MS,
		});
		const fail = (error) =>
			resolve({ status: 0, body: error.message, ms: performance.now() - startedAt });
		request.on('timeout', () =>
			request.destroy(new Error(`no response within ${REQUEST_TIMEOUT_MS} ms`)),
		);
		request.on('error', fail);
		request.on('response', (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('error', fail);
			response.on('end', () =>
				resolve({
					status: response.statusCode,
					body: Buffer.concat(chunks).toString(),
					ms: performance.now() - startedAt,
				}),
			);
		});
		request.end(body);
	});
}

/**
 * Keeps `inFlight` deliveries open until `durationMs` has passed or `maxCount` were sent, then
 * waits for the open ones. Ids come from `idFor(sequence)`. Returns `{ responses, startedAt,
 * lastResponseAt }`, times in epoch milliseconds.
 */
async function runClosedLoop({ url, delivery, durationMs, maxCount, inFlight, idFor }) {
	const agent = new http.Agent({ keepAlive: true, maxSockets: inFlight });
	const responses = [];
	const startedAt = Date.now();
	const worker = async () => {
		while (responses.length < maxCount && Date.now() - startedAt < durationMs) {
			const response = { id: idFor(responses.length) };
			responses.push(response);
			Object.assign(response, await postDelivery(agent, url, delivery, response.id));
		}
	};

	await Promise.all(Array.from({ length: inFlight }, worker));
	const lastResponseAt = Date.now();
	agent.destroy();
	return { responses, startedAt, lastResponseAt };
}

/** Posts one delivery on a fresh agent and returns `{ id, status, body, ms }`. */
async function sendOne({ url, delivery, id }) {
	const agent = new http.Agent({ keepAlive: false });
	const result = await postDelivery(agent, url, delivery, id);
	agent.destroy();
	return { id, ...result };
}

module.exports = { runClosedLoop, sendOne };
