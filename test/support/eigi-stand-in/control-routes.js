// Endpoints under /_stand-in/ that let tests in another process read what the stand-in received
// and adjust it. They take no API key and are not recorded.
const { buildConversation } = require('./fixtures');

const REGISTER_PATH = /^\/_stand-in\/conversations\/([^/]+)$/;
const CONFIG_KEYS = ['latencyMs', 'rateLimitPerMinute', 'listPagination'];

function reset(state) {
	state.requests.length = 0;
	state.outboundCalls.length = 0;
	state.attempts.clear();
	state.registered.clear();
	state.chatSessions.clear();
	state.limiter.clear();
	state.config = { ...state.initialConfig };
	return { status: 200, body: { reset: true } };
}

function setConfig(state, body) {
	const unknown = Object.keys(body ?? {}).filter((key) => !CONFIG_KEYS.includes(key));
	if (!body || typeof body !== 'object' || unknown.length > 0) {
		return {
			status: 400,
			body: {
				detail: `Unknown config keys: ${unknown.join(', ')}. Allowed: ${CONFIG_KEYS.join(', ')}.`,
			},
		};
	}
	Object.assign(state.config, body);
	return { status: 200, body: state.config };
}

function register(state, conversationId, body) {
	const conversation = {
		...buildConversation(state.baseUrl, conversationId),
		...(body ?? {}),
		conversation_id: conversationId,
	};
	state.registered.set(conversationId, conversation);
	return { status: 200, body: conversation };
}

/** Routes a control request; returns null for paths outside /_stand-in/. */
function routeControl(state, request) {
	const { method, path, query, body } = request;
	if (!path.startsWith('/_stand-in/')) return null;

	if (path === '/_stand-in/requests' && method === 'GET') {
		const prefix = query.get('path_prefix') ?? '';
		return { status: 200, body: state.requests.filter((item) => item.path.startsWith(prefix)) };
	}
	if (path === '/_stand-in/requests' && method === 'DELETE') {
		state.requests.length = 0;
		return { status: 200, body: { cleared: true } };
	}
	if (path === '/_stand-in/outbound-calls' && method === 'GET')
		return { status: 200, body: state.outboundCalls };
	if (path === '/_stand-in/config' && method === 'PUT') return setConfig(state, body);
	if (path === '/_stand-in/reset' && method === 'POST') return reset(state);

	const registered = REGISTER_PATH.exec(path);
	if (registered && method === 'PUT')
		return register(state, decodeURIComponent(registered[1]), body);
	return { status: 404, body: { detail: `No stand-in control endpoint ${method} ${path}` } };
}

module.exports = { routeControl };
