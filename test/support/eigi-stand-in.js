// A local stand-in of eigi's public API (https://api.eigi.ai) for tests, benchmarks and the demo.
// It listens on 127.0.0.1 only and follows what is known of the API: `X-API-Key` authentication,
// conversations by id and as a paginated list, outbound calls, non-streaming chat, per-key rate
// limits enforced with 429 and `Retry-After`, and recordings on a URL that takes no API key.
//
// In-process:  const standIn = await startStandIn({ latencyMs: 50 }); … await standIn.close();
// As a program: node test/support/eigi-stand-in.js --port 5679 [--latency-ms 50] [--rate-limit 100]
//
// Keys: any `vk_…` key is accepted, except `vk_invalid…` (401) and `vk_forbidden…` (403); a key
// `vk_limit_<N>_…` is limited to N requests per minute. Conversation and agent ids select
// scenarios (see eigi-stand-in/scenarios.js): `missing-*`, `rate-limit-seconds-*`,
// `rate-limit-date-*`, `flaky-*`, `slow-*`, `server-error-*`, `wrapped-*`, `pending-analysis-*`,
// `quota-exceeded-*`.
//
// Control endpoints for tests that run the stand-in in another process (no API key needed):
//   GET    /_stand-in/requests?path_prefix=…  every recorded API and recording request, with the
//                                             status it was answered with
//   DELETE /_stand-in/requests                forget the recorded requests
//   PUT    /_stand-in/config                  {"latencyMs": 50, "rateLimitPerMinute": 100, "listPagination": "nested"}
//   PUT    /_stand-in/conversations/{id}      register the object GET returns for this id
//   POST   /_stand-in/reset                   requests, attempt counters, rate windows, config
const http = require('node:http');
const { routeApi, serveRecording } = require('./eigi-stand-in/api-routes');
const { buildListConversations } = require('./eigi-stand-in/fixtures');
const { createRateLimiter } = require('./eigi-stand-in/rate-limiter');
const { routeControl } = require('./eigi-stand-in/control-routes');

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 10 * 1024 * 1024;

function authenticate(headers) {
	const apiKey = headers['x-api-key'];
	if (!apiKey) {
		return { status: 401, body: { detail: 'Missing API key. Send it in the X-API-Key header.' } };
	}
	if (!apiKey.startsWith('vk_') || apiKey.startsWith('vk_invalid')) {
		return { status: 401, body: { detail: 'Invalid or expired API key' } };
	}
	if (apiKey.startsWith('vk_forbidden')) {
		return { status: 403, body: { detail: 'You do not have access to this resource' } };
	}
	return null;
}

function parseBody(raw, contentType) {
	if (raw.length === 0) return null;
	const text = raw.toString('utf8');
	if (!/json/i.test(contentType ?? '')) return text;
	try {
		return JSON.parse(text);
	} catch {
		return { unparsable: text };
	}
}

function readBody(req) {
	return new Promise((resolve, reject) => {
		const chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) reject(new Error(`request body over ${MAX_BODY_BYTES} bytes`));
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function handleApi(state, request) {
	const unauthorized = authenticate(request.headers);
	if (unauthorized) return unauthorized;

	const retryAfter = state.limiter.take(
		request.headers['x-api-key'],
		state.config.rateLimitPerMinute,
	);
	if (retryAfter !== null) {
		return {
			status: 429,
			headers: { 'Retry-After': String(retryAfter) },
			body: { detail: 'Rate limit exceeded. Try again later.' },
		};
	}

	if (request.body && typeof request.body === 'object' && 'unparsable' in request.body) {
		return {
			status: 422,
			body: {
				detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} }],
			},
		};
	}
	return routeApi(state, request) ?? { status: 404, body: { detail: 'Not Found' } };
}

async function respond(state, req, res) {
	const url = new URL(req.url, state.baseUrl);
	const raw = await readBody(req);
	const request = {
		method: req.method,
		path: url.pathname,
		query: url.searchParams,
		headers: req.headers,
		body: parseBody(raw, req.headers['content-type']),
	};
	const control = routeControl(state, request);
	if (control) return send(res, control);

	const record = {
		method: request.method,
		path: request.path,
		query: Object.fromEntries(url.searchParams),
		headers: { ...req.headers },
		body: request.body,
		receivedAt: new Date().toISOString(),
	};
	state.requests.push(record);
	const response = serveRecording(state, request) ?? handleApi(state, request);
	record.status = response.status;
	state.onResponse?.(request, response);

	const delayMs = (response.delayMs ?? 0) + state.config.latencyMs;
	if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
	return send(res, response);
}

function send(res, { status, headers = {}, body }) {
	if (res.destroyed) return;
	const isRaw = Buffer.isBuffer(body) || typeof body === 'string';
	const payload = isRaw ? body : JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json',
		...headers,
		'Content-Length': Buffer.byteLength(payload),
	});
	res.end(payload);
}

/**
 * Starts the stand-in on 127.0.0.1. `port` 0 picks a free port; `latencyMs` delays every response;
 * `rateLimitPerMinute` (0 = none) limits each API key. Returns `{ url, port, requests,
 * outboundCalls, setConfig(partial), reset(), close() }`; `requests` fills as requests arrive.
 */
async function startStandIn({
	port = 0,
	latencyMs = 0,
	rateLimitPerMinute = 0,
	listPagination = 'top',
	onResponse,
} = {}) {
	const initialConfig = { latencyMs, rateLimitPerMinute, listPagination };
	const state = {
		baseUrl: '',
		config: { ...initialConfig },
		initialConfig,
		requests: [],
		outboundCalls: [],
		attempts: new Map(),
		registered: new Map(),
		chatSessions: new Map(),
		limiter: createRateLimiter(),
		listConversations: [],
		onResponse,
	};
	const server = http.createServer((req, res) => {
		respond(state, req, res).catch((error) =>
			send(res, { status: 500, body: { detail: String(error.message) } }),
		);
	});
	server.keepAliveTimeout = 5000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, HOST, resolve);
	});

	const boundPort = server.address().port;
	state.baseUrl = `http://${HOST}:${boundPort}`;
	state.listConversations = buildListConversations(state.baseUrl);
	return {
		url: state.baseUrl,
		port: boundPort,
		requests: state.requests,
		outboundCalls: state.outboundCalls,
		setConfig: (partial) => Object.assign(state.config, partial),
		reset: () => routeControl(state, { method: 'POST', path: '/_stand-in/reset' }),
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

function parseArgs(argv) {
	const options = { port: 5679, latencyMs: 0, rateLimitPerMinute: 0 };
	const names = {
		'--port': 'port',
		'--latency-ms': 'latencyMs',
		'--rate-limit': 'rateLimitPerMinute',
	};
	for (let index = 0; index < argv.length; index += 2) {
		const name = names[argv[index]];
		const value = Number(argv[index + 1]);
		if (!name || !Number.isInteger(value) || value < 0) {
			throw new Error(
				`Invalid argument "${argv[index]} ${argv[index + 1] ?? ''}". Use --port N, --latency-ms N or --rate-limit N with N a whole number >= 0.`,
			);
		}
		options[name] = value;
	}
	return options;
}

async function main() {
	const options = parseArgs(process.argv.slice(2));
	const standIn = await startStandIn({
		...options,
		onResponse: (request, response) => {
			const key = request.headers['x-api-key'];
			const shownKey = key ? `${key.slice(0, 5)}…` : 'none';
			console.log(
				`${new Date().toISOString()} ${request.method} ${request.path} key=${shownKey} -> ${response.status}`,
			);
		},
	});
	console.log(`eigi API stand-in listening on ${standIn.url}`);
	const stop = () => standIn.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((error) => {
		console.error(`eigi API stand-in failed to start: ${error.message}`);
		process.exit(1);
	});
}

module.exports = { startStandIn };
