// Conversation objects shaped like eigi's public API (GET /v1/public/conversations/{id}): a bare
// object whose call fields sit under `conversation_metadata`. Every value is derived from the
// conversation id, so the same id always yields the same object.
const { createHash } = require('node:crypto');

const AGENTS = ['68ea2517dbb84c09bae1ba0a', '68ea2517dbb84c09bae1ba0b', '68ea2517dbb84c09bae1ba0c'];
const STATUSES = ['COMPLETED', 'COMPLETED', 'DISCONNECTED', 'FAILED'];
const LIST_SIZE = 250;
const LIST_START = Date.UTC(2025, 11, 1, 9, 0, 0);

function digest(text) {
	return createHash('sha256').update(text).digest('hex');
}

/** Formats 32 hex digits of `seed`'s digest as a version-4 UUID. */
function uuidFrom(seed) {
	const hex = digest(seed);
	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		`4${hex.slice(13, 16)}`,
		`8${hex.slice(17, 20)}`,
		hex.slice(20, 32),
	].join('-');
}

/** eigi's `created_at`/`updated_at` carry no time zone; transcript timestamps do. */
function naiveIso(ms) {
	return new Date(ms).toISOString().replace('Z', '');
}

function transcriptAt(startMs, conversationId) {
	const turns = [
		['assistant', 'Hello, this is the eigi assistant calling about your appointment.'],
		['user', 'Hi, yes, I can talk now.'],
		[
			'assistant',
			`Your reference is ${conversationId.slice(0, 8)}. Shall I confirm Tuesday at 10?`,
		],
		['user', 'Tuesday works, thank you.'],
	];
	return turns.map(([role, content], index) => ({
		role,
		content,
		timestamp: new Date(startMs + 1000 + index * 4500).toISOString().replace('Z', '+00:00'),
	}));
}

function telephonyMetadata(baseUrl, conversationId, seedNumber, endMs) {
	const outbound = seedNumber % 3 !== 2;
	return {
		to_mobile_number: `+1415555${String(1000 + (seedNumber % 9000)).padStart(4, '0')}`,
		// eigi sometimes stores the caller number without its leading '+'.
		from_mobile_number: '14155550999',
		calling_type: outbound ? 'OUTBOUND' : 'INBOUND',
		telephony_provider: seedNumber % 2 === 0 ? 'TWILIO' : 'PLIVO',
		conversation_recording_url: `${baseUrl}/recordings/${encodeURIComponent(conversationId)}.mp3`,
		conversation_duration: 30 + (seedNumber % 240),
		last_activity: new Date(endMs).toISOString().replace('Z', '+00:00'),
	};
}

function chatMetadata(endMs) {
	return {
		last_activity: new Date(endMs).toISOString().replace('Z', '+00:00'),
		session_status: 'ended',
	};
}

/**
 * Builds the conversation `conversationId` as the API returns it. `overrides` (optional) sets
 * type, status, agent or start time; ids starting with `chat-` are CHAT conversations.
 */
function buildConversation(baseUrl, conversationId, overrides = {}) {
	const seedNumber = parseInt(digest(conversationId).slice(0, 8), 16);
	const type =
		overrides.conversation_type ?? (conversationId.startsWith('chat-') ? 'CHAT' : 'TELEPHONY');
	const startMs = overrides.startMs ?? LIST_START - (seedNumber % 86_400) * 1000;
	const durationMs = (30 + (seedNumber % 240)) * 1000;
	const metadata =
		type === 'CHAT'
			? chatMetadata(startMs + durationMs)
			: telephonyMetadata(baseUrl, conversationId, seedNumber, startMs + durationMs);

	return {
		id: digest(`id:${conversationId}`).slice(0, 24),
		conversation_id: conversationId,
		agent_id: overrides.agent_id ?? AGENTS[seedNumber % AGENTS.length],
		conversation_type: type,
		conversation_status: overrides.conversation_status ?? 'COMPLETED',
		conversation_analysis: [{ is_good: true, summary: 'Appointment confirmed for Tuesday.' }],
		notes: null,
		conversation_transcript: transcriptAt(startMs, conversationId),
		created_by: null,
		conversation_metadata: metadata,
		created_at: naiveIso(startMs),
		updated_at: naiveIso(startMs + durationMs),
	};
}

/**
 * Builds the fixed set of conversations the list endpoint pages through, newest first: a mix of
 * agents, statuses, channels and call directions, one every 3 hours from 2025-12-01T09:00 UTC.
 */
function buildListConversations(baseUrl) {
	const conversations = [];
	for (let index = 0; index < LIST_SIZE; index++) {
		const conversationId = uuidFrom(`list:${index}`);
		conversations.push(
			buildConversation(baseUrl, conversationId, {
				conversation_type: index % 5 === 4 ? 'CHAT' : 'TELEPHONY',
				conversation_status: STATUSES[index % STATUSES.length],
				agent_id: AGENTS[index % AGENTS.length],
				startMs: LIST_START + index * 3 * 3600 * 1000,
			}),
		);
	}
	return conversations.reverse();
}

/** Returns deterministic MP3-like bytes (an ID3 header, then filler) for a recording. */
function recordingBytes(conversationId) {
	const header = Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1');
	const body = Buffer.alloc(16 * 1024);
	const pattern = Buffer.from(digest(`recording:${conversationId}`), 'hex');
	for (let offset = 0; offset < body.length; offset += pattern.length) pattern.copy(body, offset);
	return Buffer.concat([header, body]);
}

module.exports = { AGENTS, buildConversation, buildListConversations, recordingBytes, uuidFrom };
