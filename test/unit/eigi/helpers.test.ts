import { sleep } from 'n8n-workflow';

import { mapWithConcurrency } from '../../../nodes/Eigi/helpers/concurrency';
import { recordingUrlOf, transcriptOf } from '../../../nodes/Eigi/helpers/conversation';
import { envelopeErrorMessage, unwrapObject } from '../../../nodes/Eigi/helpers/envelope';
import { mimeTypeOf, recordingFileName } from '../../../nodes/Eigi/helpers/fileName';
import { describeNonObject, parseJsonObject } from '../../../nodes/Eigi/helpers/jsonObject';
import { readPage } from '../../../nodes/Eigi/helpers/pagination';
import { isJsonObject } from '../../../nodes/shared/jsonObject';
import { transcriptText } from '../../../nodes/shared/transcript';
import { KeyedSequencer } from '../../../nodes/Eigi/helpers/sequencer';
import { toE164 } from '../../../nodes/Eigi/helpers/phoneNumber';
import { messageFromBody } from '../../../nodes/Eigi/transport/errorBody';
import { redactSecrets } from '../../../nodes/Eigi/transport/redact';

describe('toE164', () => {
	it.each([
		['+919876543210', '+919876543210'],
		['+1 (415) 555-0123', '+14155550123'],
		['+44 20 7946.0958', '+442079460958'],
		['+123456789012345', '+123456789012345'],
	])('accepts %p as %p', (raw, expected) => {
		expect(toE164(raw)).toBe(expected);
	});

	it.each([
		'919876543210',
		'+0123456789',
		'+1234567890123456',
		'+1',
		'+1415abc0123',
		'',
		'++14155550123',
	])('rejects %p', (raw) => {
		expect(toE164(raw)).toBeUndefined();
	});
});

describe('unwrapObject', () => {
	it('returns a bare object unchanged', () => {
		expect(unwrapObject({ conversation_id: 'c1' })).toEqual({ conversation_id: 'c1' });
	});

	it('opens the status/message/data envelope', () => {
		const body = { status: 'success', message: 'ok', data: { conversation_id: 'c1' } };
		expect(unwrapObject(body)).toEqual({ conversation_id: 'c1' });
	});

	it('keeps an object whose data field is not an envelope', () => {
		expect(unwrapObject({ data: { a: 1 } })).toEqual({ data: { a: 1 } });
		expect(unwrapObject({ status: 'x', data: [1] })).toEqual({ status: 'x', data: [1] });
	});

	it.each([null, 'text', [1, 2], 5])('rejects %p', (body) => {
		expect(unwrapObject(body)).toBeUndefined();
	});
});

describe('envelopeErrorMessage', () => {
	it('reads the message of an error envelope', () => {
		expect(envelopeErrorMessage({ status: 'ERROR', message: 'Agent is inactive' })).toBe(
			'Agent is inactive',
		);
	});

	it('names a missing message', () => {
		expect(envelopeErrorMessage({ status: 'error' })).toBe('no error message');
	});

	it.each([{ status: 'success', message: 'ok' }, { conversation_status: 'FAILED' }, 'error', null])(
		'ignores %p',
		(body) => {
			expect(envelopeErrorMessage(body)).toBeUndefined();
		},
	);
});

describe('readPage', () => {
	it('reads total_pages at the top level', () => {
		expect(readPage({ data: [{ a: 1 }], total_pages: 3 })).toEqual({
			items: [{ a: 1 }],
			totalPages: 3,
		});
	});

	it('reads total_pages under pagination', () => {
		expect(readPage({ data: [], pagination: { total_pages: 0 } })).toEqual({
			items: [],
			totalPages: 0,
		});
	});

	it('accepts a page without pagination fields', () => {
		expect(readPage({ status: 'success', data: [{ a: 1 }] })).toEqual({
			items: [{ a: 1 }],
			totalPages: undefined,
		});
	});

	it('accepts a bare array', () => {
		expect(readPage([{ a: 1 }])).toEqual({ items: [{ a: 1 }] });
	});

	it('rejects a body without data', () => {
		expect(readPage({ status: 'success' })).toBeUndefined();
	});
});

describe('transcript helpers', () => {
	const conversation = {
		conversation_transcript: [
			{ role: 'user', content: 'hi' },
			'noise',
			{ role: 'assistant', content: 'Hello!' },
		],
	};

	it('keeps object turns only', () => {
		expect(transcriptOf(conversation)).toEqual([
			{ role: 'user', content: 'hi' },
			{ role: 'assistant', content: 'Hello!' },
		]);
	});

	it('treats a null transcript as empty', () => {
		expect(transcriptOf({ conversation_transcript: null })).toEqual([]);
	});

	it('writes one role: content line per turn', () => {
		expect(transcriptText(transcriptOf(conversation))).toBe('user: hi\nassistant: Hello!');
	});
});

describe('recordingUrlOf', () => {
	it('reads conversation_metadata first', () => {
		expect(
			recordingUrlOf({
				conversation_metadata: { conversation_recording_url: 'https://a.test/1.mp3' },
				conversation_recording_url: 'https://b.test/2.mp3',
			}),
		).toBe('https://a.test/1.mp3');
	});

	it('falls back to the top level as in webhooks', () => {
		expect(recordingUrlOf({ conversation_recording_url: ' https://b.test/2.mp3 ' })).toBe(
			'https://b.test/2.mp3',
		);
	});

	it('returns undefined for a missing or empty URL', () => {
		expect(recordingUrlOf({ conversation_metadata: { conversation_recording_url: '' } })).toBe(
			undefined,
		);
		expect(recordingUrlOf({ conversation_metadata: null })).toBeUndefined();
	});
});

describe('recordingFileName', () => {
	it('uses the last path segment with an extension', () => {
		expect(recordingFileName(new URL('https://r.test/rec/call%201.wav?sig=x'), 'c1')).toBe(
			'call 1.wav',
		);
	});

	it('builds a name from the id and content type', () => {
		expect(recordingFileName(new URL('https://r.test/rec/abc'), 'c/1', 'audio/wav')).toBe(
			'c_1.wav',
		);
		expect(recordingFileName(new URL('https://r.test/rec/abc'), 'c1')).toBe('c1.mp3');
	});

	it('ignores unhelpful content types', () => {
		expect(mimeTypeOf('application/octet-stream')).toBeUndefined();
		expect(mimeTypeOf('audio/mpeg; charset=binary')).toBe('audio/mpeg');
		expect(mimeTypeOf(undefined)).toBeUndefined();
	});
});

describe('parseJsonObject', () => {
	it('parses an object string', () => {
		expect(parseJsonObject('{"name":"Asha"}')).toEqual({ name: 'Asha' });
	});

	it('accepts an object value and empty values', () => {
		expect(parseJsonObject({ a: 1 })).toEqual({ a: 1 });
		expect(parseJsonObject('')).toEqual({});
		expect(parseJsonObject(undefined)).toEqual({});
	});

	it.each(['[1]', '3', '{bad', 'null'])('rejects %p', (value) => {
		expect(parseJsonObject(value)).toBeUndefined();
	});
});

describe('describeNonObject', () => {
	it.each([
		['[1]', 'is an array, not a JSON object'],
		['3', 'is a number, not a JSON object'],
		['"text"', 'is a string, not a JSON object'],
		['true', 'is a boolean, not a JSON object'],
		['null', 'is null, not a JSON object'],
		['{bad', 'is not valid JSON'],
		[[1], 'is an array, not a JSON object'],
		[7, 'is a number, not a JSON object'],
	])('describes %p', (value, expected) => {
		expect(describeNonObject(value)).toBe(expected);
	});
});

describe('messageFromBody', () => {
	it('reads a detail string', () => {
		expect(messageFromBody({ detail: 'Conversation not found' })).toBe('Conversation not found');
	});

	it('summarises a FastAPI validation list', () => {
		const body = {
			detail: [
				{ loc: ['body', 'message'], msg: 'String should have at most 4000 characters' },
				{ loc: ['query', 'page_size'], msg: 'Input should be less than or equal to 100' },
			],
		};
		expect(messageFromBody(body)).toBe(
			'body.message: String should have at most 4000 characters; query.page_size: Input should be less than or equal to 100',
		);
	});

	it('reads a message envelope', () => {
		expect(messageFromBody({ status: 'error', message: 'Agent not found' })).toBe(
			'Agent not found',
		);
	});

	it('reads JSON text and raw text', () => {
		expect(messageFromBody('{"detail":"Invalid key"}')).toBe('Invalid key');
		expect(messageFromBody(Buffer.from('upstream   timed out'))).toBe('upstream timed out');
	});

	it('drops HTML pages and empty bodies', () => {
		expect(messageFromBody('<html><body>502</body></html>')).toBeUndefined();
		expect(messageFromBody('')).toBeUndefined();
		expect(messageFromBody(undefined)).toBeUndefined();
	});

	it('cuts long text', () => {
		const message = messageFromBody('x'.repeat(1000)) ?? '';
		expect(message.length).toBeLessThanOrEqual(301);
	});
});

describe('redactSecrets', () => {
	it('removes a given secret', () => {
		expect(redactSecrets('key=abc123secret!', ['abc123secret'])).toBe('key=[redacted]!');
	});

	it('removes anything shaped like an eigi key', () => {
		expect(redactSecrets('Invalid API key vk_live_9f8e7d', [])).toBe(
			'Invalid API key vk_[redacted]',
		);
	});
});

describe('mapWithConcurrency', () => {
	it('returns results in index order', async () => {
		const results = await mapWithConcurrency(6, 3, async (index) => {
			await sleep((6 - index) * 2);
			return index * 10;
		});
		expect(results).toEqual([0, 10, 20, 30, 40, 50]);
	});

	it('runs at most the given number of tasks at once', async () => {
		let running = 0;
		let maxRunning = 0;
		await mapWithConcurrency(10, 3, async () => {
			running += 1;
			maxRunning = Math.max(maxRunning, running);
			await sleep(5);
			running -= 1;
		});
		expect(maxRunning).toBe(3);
	});

	it('starts no task after a stop', async () => {
		const started: number[] = [];
		let stop = false;
		const results = await mapWithConcurrency(
			8,
			2,
			async (index) => {
				started.push(index);
				if (index === 2) stop = true;
				return index;
			},
			() => stop,
		);
		expect(started).toEqual([0, 1, 2]);
		expect(results).toEqual([0, 1, 2, undefined, undefined, undefined, undefined, undefined]);
	});

	it('handles no items', async () => {
		expect(await mapWithConcurrency(0, 5, async () => 1)).toEqual([]);
	});
});

describe('KeyedSequencer', () => {
	it('runs tasks of one key in queue order', async () => {
		const sequencer = new KeyedSequencer();
		const finished: number[] = [];
		await Promise.all(
			[30, 1, 10].map(
				async (delay, index) =>
					await sequencer.run('session', async () => {
						await sleep(delay);
						finished.push(index);
					}),
			),
		);
		expect(finished).toEqual([0, 1, 2]);
	});

	it('runs the next task after a failure', async () => {
		const sequencer = new KeyedSequencer();
		const failed = sequencer.run('session', async () => {
			throw new Error('first failed');
		});
		const second = sequencer.run('session', async () => 'second ran');
		await expect(failed).rejects.toThrow('first failed');
		await expect(second).resolves.toBe('second ran');
	});

	it('runs tasks of different keys at the same time', async () => {
		const sequencer = new KeyedSequencer();
		let running = 0;
		let maxRunning = 0;
		const task = async () => {
			running += 1;
			maxRunning = Math.max(maxRunning, running);
			await sleep(5);
			running -= 1;
		};
		await Promise.all([
			sequencer.run('a', task),
			sequencer.run('b', task),
			sequencer.run(undefined, task),
		]);
		expect(maxRunning).toBe(3);
	});
});

describe('isJsonObject', () => {
	it.each([
		['an object', { a: 1 }, true],
		['an empty object', {}, true],
		['null', null, false],
		['an array', [{ a: 1 }], false],
		['a string', '{}', false],
		['a number', 1, false],
	])('%s', (_name, value, expected) => {
		expect(isJsonObject(value)).toBe(expected);
	});
});
