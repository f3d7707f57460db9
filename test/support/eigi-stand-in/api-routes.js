// Handlers of eigi's public API endpoints. Each takes the stand-in's state and a parsed request
// `{ method, path, query, body }` and returns `{ status, headers?, body, delayMs? }`.
const { buildConversation, recordingBytes } = require('./fixtures');
const { decide, scenarioOf } = require('./scenarios');
const {
	PAGE_SIZE_MAX,
	dateIn,
	integerIn,
	unprocessable,
	validateChat,
	validateOutbound,
} = require('./validation');

const CONVERSATION_PATH = /^\/v1\/public\/conversations\/([^/]+)$/;
const RECORDING_PATH = /^\/recordings\/([^/]+)\.mp3$/;

function nextAttempt(state, id) {
	const attempt = (state.attempts.get(id) ?? 0) + 1;
	state.attempts.set(id, attempt);
	return attempt;
}

/** Applies the scenario of `id`; returns a finished response, or how to alter the normal one. */
function scenarioFor(state, id, notFoundDetail) {
	const scenario = scenarioOf(id);
	if (!scenario) return {};
	return decide(scenario, nextAttempt(state, id), notFoundDetail);
}

function findConversation(state, conversationId) {
	return (
		state.registered.get(conversationId) ??
		state.listConversations.find((item) => item.conversation_id === conversationId) ??
		buildConversation(state.baseUrl, conversationId)
	);
}

function getConversation(state, conversationId) {
	const outcome = scenarioFor(state, conversationId, 'Conversation not found');
	if (outcome.response) return outcome.response;

	let conversation = findConversation(state, conversationId);
	if (outcome.analysisPending) conversation = { ...conversation, conversation_analysis: null };
	const body = outcome.wrap
		? { status: 'success', message: 'Conversation retrieved successfully', data: conversation }
		: conversation;
	return { status: 200, body, delayMs: outcome.delayMs };
}

function matchesFilters(conversation, filters) {
	const same = (value, wanted) => !wanted || String(value).toLowerCase() === wanted.toLowerCase();
	const created = Date.parse(`${conversation.created_at}Z`);
	const metadata = conversation.conversation_metadata ?? {};
	const haystack = JSON.stringify([
		conversation.conversation_id,
		conversation.notes,
		conversation.conversation_transcript,
		metadata.to_mobile_number,
		metadata.from_mobile_number,
	]).toLowerCase();

	return (
		same(conversation.conversation_type, filters.conversation_type) &&
		same(metadata.calling_type, filters.calling_type) &&
		same(conversation.conversation_status, filters.conversation_status) &&
		same(conversation.agent_id, filters.agent_id) &&
		(filters.from === undefined || created >= filters.from) &&
		(filters.to === undefined || created <= filters.to) &&
		(!filters.search || haystack.includes(filters.search.toLowerCase()))
	);
}

function listConversations(state, query) {
	const page = integerIn(query, 'page', 1, 1, 1_000_000);
	const pageSize = integerIn(query, 'page_size', 20, 1, PAGE_SIZE_MAX);
	const from = dateIn(query, 'from_date');
	const to = dateIn(query, 'to_date');
	const issues = [page, pageSize, from, to].map((parsed) => parsed.issue).filter(Boolean);
	if (issues.length > 0) return unprocessable(issues);

	const outcome = scenarioFor(state, query.get('agent_id'), 'Agent not found');
	if (outcome.response) return outcome.response;

	const filters = { from: from.value, to: to.value };
	for (const name of [
		'conversation_type',
		'calling_type',
		'conversation_status',
		'agent_id',
		'search',
	]) {
		filters[name] = query.get(name) ?? '';
	}
	const matching = state.listConversations.filter((item) => matchesFilters(item, filters));
	const start = (page.value - 1) * pageSize.value;
	const data = matching.slice(start, start + pageSize.value);
	const pagination = {
		total: matching.length,
		page: page.value,
		page_size: pageSize.value,
		total_pages: Math.ceil(matching.length / pageSize.value),
	};
	const envelope = { status: 'success', message: `Retrieved ${data.length} conversations`, data };
	const body =
		state.config.listPagination === 'nested'
			? { ...envelope, pagination }
			: { ...envelope, ...pagination };
	return { status: 200, body, delayMs: outcome.delayMs };
}

function startOutbound(state, body) {
	const invalid = validateOutbound(body);
	if (invalid) return invalid;

	const outcome = scenarioFor(state, body.agent_id, 'Agent not found');
	if (outcome.response) return outcome.response;

	for (const param of body.params) {
		state.outboundCalls.push({
			agent_id: body.agent_id,
			mobile_number: param.mobile_number,
			metadata: param.metadata ?? {},
		});
	}
	return {
		status: 200,
		body: { status: 'success', message: 'Outbound calls initiated successfully' },
		delayMs: outcome.delayMs,
	};
}

function sendChat(state, body) {
	const invalid = validateChat(body);
	if (invalid) return invalid;

	const outcome = scenarioFor(state, body.agent_id, 'Agent not found');
	if (outcome.response) return outcome.response;

	const sessionId = body.session_id ?? `chat_session_${state.chatSessions.size + 1}`;
	const turn = (state.chatSessions.get(sessionId) ?? 0) + 1;
	state.chatSessions.set(sessionId, turn);
	const reply = `Turn ${turn}: you said "${body.message}".`;
	if (body.streaming === false)
		return {
			status: 200,
			body: { response: reply, session_id: sessionId },
			delayMs: outcome.delayMs,
		};

	// NOTE: eigi's streaming format is undocumented; these server-sent events only let a client
	// that forgets `streaming: false` fail visibly instead of parsing a JSON reply.
	const events = [
		{ type: 'chunk', content: reply },
		{ type: 'done', session_id: sessionId },
	];
	return {
		status: 200,
		headers: { 'Content-Type': 'text/event-stream' },
		body: events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join(''),
	};
}

/** Routes an authenticated API request; returns null when no endpoint matches the path. */
function routeApi(state, request) {
	const { method, path, query, body } = request;
	const conversation = CONVERSATION_PATH.exec(path);
	const allowed = (verb) =>
		method === verb ? null : { status: 405, body: { detail: 'Method Not Allowed' } };

	if (conversation)
		return allowed('GET') ?? getConversation(state, decodeURIComponent(conversation[1]));
	if (path === '/v1/public/conversations') return allowed('GET') ?? listConversations(state, query);

	const needsObject = () =>
		body && typeof body === 'object' && !Array.isArray(body)
			? null
			: unprocessable([
					{
						type: 'model_attributes_type',
						loc: ['body'],
						msg: 'Input should be a valid dictionary or object',
						input: body,
					},
				]);
	if (path === '/v1/public/calls/outbound')
		return allowed('POST') ?? needsObject() ?? startOutbound(state, body);
	if (path === '/v1/public/chat') return allowed('POST') ?? needsObject() ?? sendChat(state, body);
	return null;
}

/** Serves a recording like a pre-signed provider URL: no API key expected, and one is rejected. */
function serveRecording(state, request) {
	const match = RECORDING_PATH.exec(request.path);
	if (!match) return null;
	if (request.headers['x-api-key'] !== undefined || request.headers.authorization !== undefined) {
		return {
			status: 400,
			headers: { 'Content-Type': 'text/plain' },
			body: 'Recording URLs are pre-signed: send them without X-API-Key or Authorization headers.',
		};
	}

	const conversationId = decodeURIComponent(match[1]);
	if (scenarioOf(conversationId) === 'missing') {
		return { status: 404, headers: { 'Content-Type': 'text/plain' }, body: 'Recording not found' };
	}
	return {
		status: 200,
		headers: { 'Content-Type': 'audio/mpeg' },
		body: recordingBytes(conversationId),
	};
}

module.exports = { routeApi, serveRecording };
