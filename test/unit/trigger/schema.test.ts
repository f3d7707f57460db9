import {
	eventSchema,
	findListProblem,
	isTranscriptTurn,
	payloadSchema,
	transcriptTurnSchema,
} from '../../../nodes/EigiTrigger/delivery/schema';

describe('transcript turn check', () => {
	const turns: unknown[] = [
		{ role: 'user', content: 'hi', timestamp: '2025-12-03T14:14:23+00:00' },
		{ role: 'assistant', content: null },
		{ content: 'no role' },
		{ role: 'tool', content: 'x', extra: { nested: true } },
		{},
		{ role: 1, content: 'x' },
		{ role: 'user', content: 2 },
		{ role: 'user', timestamp: 3 },
		{ role: null },
		null,
		'user: hi',
		['user', 'hi'],
		42,
	];

	it.each(turns.map((turn) => [JSON.stringify(turn), turn]))(
		'%s: the fast check agrees with the zod schema',
		(_name, turn) => {
			expect(isTranscriptTurn(turn)).toBe(transcriptTurnSchema.safeParse(turn).success);
		},
	);
});

describe('event schema', () => {
	it.each([
		['conversation.completed', 'conversation.completed'],
		[' Conversation.Failed ', 'conversation.failed'],
		['CONVERSATION.DISCONNECTED', 'conversation.disconnected'],
	])('reads %p as %p', (input, expected) => {
		expect(eventSchema.parse(input)).toBe(expected);
	});

	it.each([['conversation.started'], [''], [1], [null]])('rejects %p', (input) => {
		expect(eventSchema.safeParse(input).success).toBe(false);
	});
});

describe('payload schema', () => {
	it('keeps unknown fields', () => {
		const result = payloadSchema.parse({ conversation_id: 'c', future_field: [1, 2] });

		expect(result).toEqual({ conversation_id: 'c', future_field: [1, 2] });
	});

	it('keeps the transcript turns themselves', () => {
		const transcript = [{ role: 'user', content: 'hi' }];
		const result = payloadSchema.parse({
			conversation_id: 'c',
			conversation_transcript: transcript,
		});

		expect(result.conversation_transcript).toBe(transcript);
	});

	it.each([
		[
			{ conversation_transcript: [{ role: 'user' }, { role: 2 }, 'x'] },
			'conversation_transcript',
			1,
		],
		[{ conversation_transcript: { role: 'user' } }, 'conversation_transcript', undefined],
		[{ conversation_transcript: 'user: hi' }, 'conversation_transcript', undefined],
		[{ conversation_analysis: { is_good: true } }, 'conversation_analysis', undefined],
		[{ conversation_analysis: 0 }, 'conversation_analysis', undefined],
	])('finds the list problem in %p', (fields, field, turnIndex) => {
		const payload = payloadSchema.parse({ conversation_id: 'c', ...fields });

		expect(findListProblem(payload)).toEqual({ field, turnIndex });
	});

	it.each([[null], [''], [undefined], [[]], [[{ role: 'user', content: null }]]])(
		'finds no list problem in %p',
		(list) => {
			const payload = payloadSchema.parse({
				conversation_id: 'c',
				conversation_transcript: list,
				conversation_analysis: list,
			});

			expect(findListProblem(payload)).toBeUndefined();
		},
	);

	it.each([
		[{ conversation_duration: 12.5 }],
		[{ conversation_duration: '12' }],
		[{ conversation_duration: ' -3.25 ' }],
		[{ is_test_call: 'False' }],
		[{ conversation_analysis: [] }],
		[{ conversation_type: 'anything new' }],
	])('accepts %p', (fields) => {
		expect(payloadSchema.safeParse({ conversation_id: 'c', ...fields }).success).toBe(true);
	});

	it.each([
		[{ conversation_duration: Infinity }],
		[{ conversation_duration: '1e3' }],
		[{ conversation_duration: true }],
		[{ is_test_call: 1 }],
		[{ notes: 5 }],
		[{ conversation_id: '   ' }],
	])('rejects %p', (fields) => {
		expect(payloadSchema.safeParse({ conversation_id: 'c', ...fields }).success).toBe(false);
	});
});

describe('conversation_id length', () => {
	it('accepts 256 characters', () => {
		expect(payloadSchema.safeParse({ conversation_id: 'a'.repeat(256) }).success).toBe(true);
	});

	it('rejects 257 characters', () => {
		expect(payloadSchema.safeParse({ conversation_id: 'a'.repeat(257) }).success).toBe(false);
	});
});
