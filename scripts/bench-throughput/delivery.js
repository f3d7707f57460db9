// Builds the eigi delivery that every benchmark request sends: a multipart/form-data body with the
// fields `event` and `payload`, as eigi posts it, about 50 KB with a realistic call transcript.
// Each request gets its own conversation_id, so the Eigi Trigger's de-duplication lets every
// delivery through and each execution can be traced back to its request.
const { randomBytes } = require('node:crypto');

const BOUNDARY = '----eigiBenchBoundary7MA4YWxkTrZu0gW';
const ID_PLACEHOLDER = '@@CONVERSATION_ID@@';
const TARGET_BYTES = 50 * 1024;

const AGENT_LINES = [
	'Hi, this is Maya from Northwind Dental calling to confirm your cleaning appointment on Thursday at 10:30.',
	'Of course. I can move it to the afternoon; we have openings at 2:15 and at 4:00. Which one works better for you?',
	'Great, I have you down for 2:15 on Thursday with Dr. Okafor. You will get a text message with the details.',
	'Your plan covers two cleanings a year, and this is the first one, so there is no copay for this visit.',
	'Please bring your insurance card and arrive ten minutes early to update your medical history form.',
	'Is there anything else I can help you with today, like scheduling the follow-up for your crown?',
];

const CALLER_LINES = [
	'Oh hi, yes, thanks for calling. Actually Thursday morning is tricky for me now, I have a work meeting.',
	'Two fifteen would be perfect, I can leave the office a bit early that day.',
	'Okay. Do you know if my insurance still covers it? I switched plans in January, it is the same company though.',
	'Got it. And do I need to bring anything, like the new card, or do you already have it on file?',
	'Sure, I will do that. Should I park in the garage or is there street parking near the clinic?',
	'No, I think that is everything for now. Thank you so much, have a good day.',
];

/** Returns the transcript turns, alternating agent and caller, 12 seconds apart. */
function buildTranscript(turnCount) {
	const startedAt = Date.parse('2026-03-18T15:04:05Z');
	const turns = [];
	for (let index = 0; index < turnCount; index += 1) {
		const lines = index % 2 === 0 ? AGENT_LINES : CALLER_LINES;
		turns.push({
			role: index % 2 === 0 ? 'assistant' : 'user',
			content: lines[Math.floor(index / 2) % lines.length],
			timestamp: new Date(startedAt + index * 12_000).toISOString(),
		});
	}
	return turns;
}

function buildPayload(turnCount) {
	return {
		event: 'conversation.completed',
		id: '69316c7d6519e8d49433e40b',
		conversation_id: ID_PLACEHOLDER,
		agent_id: '68ea2517dbb84c09bae1ba0a',
		conversation_type: 'TELEPHONY',
		conversation_status: 'COMPLETED',
		notes: 'Patient moved the cleaning to Thursday 2:15 PM; asked about parking.',
		conversation_duration: turnCount * 12,
		conversation_recording_url: 'https://recordings.example.com/69316c7d6519e8d49433e40b.mp3',
		calling_type: 'OUTBOUND',
		telephony_provider: 'TWILIO',
		to_mobile_number: '+14155550123',
		from_mobile_number: '+14155550999',
		is_test_call: false,
		conversation_transcript: buildTranscript(turnCount),
		conversation_analysis: [
			{ appointment_confirmed: true, rescheduled: true, sentiment: 'positive', follow_up: 'crown' },
		],
	};
}

function formField(name, value) {
	return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}

/** Returns the body text with the id placeholder, grown turn by turn to about `targetBytes`. */
function buildBodyTemplate(targetBytes) {
	let turnCount = 2;
	let text = '';
	for (; turnCount < 10_000; turnCount += 2) {
		const payload = JSON.stringify(buildPayload(turnCount));
		text =
			formField('event', 'conversation.completed') +
			formField('payload', payload) +
			`--${BOUNDARY}--\r\n`;
		if (Buffer.byteLength(text) >= targetBytes) break;
	}
	return { text, turnCount };
}

/**
 * Returns `{ contentType, bytes, turnCount, body(conversationId) }`. `body()` joins two prebuilt
 * buffers around the id, so building a request costs a copy and no JSON work.
 */
function buildDelivery(targetBytes = TARGET_BYTES) {
	const { text, turnCount } = buildBodyTemplate(targetBytes);
	const [before, after] = text.split(ID_PLACEHOLDER).map((part) => Buffer.from(part));
	return {
		contentType: `multipart/form-data; boundary=${BOUNDARY}`,
		bytes: before.length + after.length + conversationId('00000000', 0).length,
		turnCount,
		body: (id) => Buffer.concat([before, Buffer.from(id), after]),
	};
}

/** Returns a UUID-shaped conversation id that is unique per run tag and sequence number. */
function conversationId(runTag, sequence) {
	return `${runTag}-be4c-4000-8000-${String(sequence).padStart(12, '0')}`;
}

/** Returns an 8-hex-digit tag that keeps ids of different runs apart. */
function newRunTag() {
	return randomBytes(4).toString('hex');
}

module.exports = { buildDelivery, conversationId, newRunTag };
