import type { IDataObject } from 'n8n-workflow';

/** Returns a phone-call payload shaped like the example in eigi's webhook documentation. */
export function samplePayload(overrides: IDataObject = {}): IDataObject {
	return {
		event: 'conversation.completed',
		id: '69316c7d6519e8d49433e40b',
		conversation_id: 'a28e7071-508e-4d45-8887-085531aafaba',
		agent_id: '68ea2517dbb84c09bae1ba0a',
		conversation_type: 'TELEPHONY',
		conversation_status: 'COMPLETED',
		notes: null,
		conversation_duration: 142,
		conversation_recording_url: 'https://recordings.example.invalid/a28e7071.mp3',
		calling_type: 'OUTBOUND',
		telephony_provider: 'TWILIO',
		to_mobile_number: '+14155550123',
		from_mobile_number: '+14155550999',
		is_test_call: false,
		conversation_transcript: [
			{
				role: 'assistant',
				content: 'Hello, this is eigi.',
				timestamp: '2025-12-03T14:14:23+00:00',
			},
			{ role: 'user', content: 'Hi, confirm Tuesday.', timestamp: '2025-12-03T14:14:27+00:00' },
		],
		conversation_analysis: [{ is_good: true }],
		...overrides,
	};
}

/**
 * Returns a transcript of `turns` turns of about 400 bytes each: 5,000 turns make a payload of about
 * 2 MB, the size of a long call.
 */
export function longTranscript(turns = 5000): IDataObject[] {
	const transcript: IDataObject[] = [];
	for (let index = 0; index < turns; index++) {
		transcript.push({
			role: index % 2 === 0 ? 'assistant' : 'user',
			content: `Turn ${index}: ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}ünïcødé 中文 😀`,
			timestamp: `2025-12-03T14:${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}.000000+00:00`,
		});
	}
	return transcript;
}

/**
 * Text with every character class that must survive a delivery unchanged: URL delimiters, emoji
 * (including a ZWJ sequence), right-to-left Arabic and Hebrew, Chinese and zero-width characters.
 */
export const AWKWARD_TEXT =
	'100% sure #1 & *starred* a+b=c 😀 👩‍👩‍👧 مرحبا بالعالم שלום 你好，世界 zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFF end';
