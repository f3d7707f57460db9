import nock from 'nock';

import {
	API_KEY,
	BASE_URL,
	CONVERSATION_ID,
	conversationFixture,
	jsonOf,
	runEigi,
} from './eigiTestKit';
import { useNock } from '../../support/useNock';

useNock();

describe('Conversation → Get', () => {
	it('sends GET with the API key and returns a bare conversation', async () => {
		const scope = nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.matchHeader('x-api-key', API_KEY)
			.matchHeader('accept', /application\/json/)
			.reply(200, conversationFixture());

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: CONVERSATION_ID },
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([conversationFixture()]);
		expect(result.outputs[0][0].pairedItem).toEqual({ item: 0 });
		expect(scope.isDone()).toBe(true);
	});

	it('unwraps the status/message/data envelope', async () => {
		const scope = nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, { status: 'success', message: 'ok', data: conversationFixture() });

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: CONVERSATION_ID },
		});

		expect(jsonOf(result)).toEqual([conversationFixture()]);
		expect(scope.isDone()).toBe(true);
	});

	it('URL-encodes the conversation ID', async () => {
		const scope = nock(BASE_URL)
			.get('/v1/public/conversations/a%2Fb%3Fc%20d')
			.reply(200, conversationFixture({ conversation_id: 'a/b?c d' }));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: ' a/b?c d ' },
		});

		expect(jsonOf(result)[0].conversation_id).toBe('a/b?c d');
		expect(scope.isDone()).toBe(true);
	});

	it('reads the ID per item from an expression', async () => {
		const scope = nock(BASE_URL)
			.get('/v1/public/conversations/c-1')
			.reply(200, { conversation_id: 'c-1' })
			.get('/v1/public/conversations/c-2')
			.reply(200, { conversation_id: 'c-2' });

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'get',
				conversationId: '={{ $json.conversation_id }}',
			},
			input: [{ json: { conversation_id: 'c-1' } }, { json: { conversation_id: 'c-2' } }],
		});

		expect(jsonOf(result)).toEqual([{ conversation_id: 'c-1' }, { conversation_id: 'c-2' }]);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(scope.isDone()).toBe(true);
	});

	it('trims the base URL and an old /v1 suffix', async () => {
		const scope = nock(BASE_URL).get('/v1/public/conversations/c-1').reply(200, { ok: true });

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: 'c-1' },
			baseUrl: `${BASE_URL}/v1//`,
		});

		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('rejects an empty ID without a request', async () => {
		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: '  ' },
		});

		expect(result.error?.message).toBe('Conversation ID is empty');
	});

	it('rejects an ID over 256 characters without a request', async () => {
		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'get',
				conversationId: 'a'.repeat(1024 * 1024),
			},
		});

		expect(result.error?.name).toBe('NodeOperationError');
		expect(result.error?.message).toBe(
			'Conversation ID has 1048576 characters; the maximum is 256',
		);
		expect((result.error as { description?: string }).description).toContain(
			'{{ $json.conversation_id }}',
		);
	});

	it('accepts an ID of 256 characters', async () => {
		const id = 'a'.repeat(256);
		const scope = nock(BASE_URL)
			.get(`/v1/public/conversations/${id}`)
			.reply(200, conversationFixture({ conversation_id: id }));

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: id },
		});

		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('rejects a base URL that is not http(s)', async () => {
		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: 'c-1' },
			baseUrl: 'ftp://api.eigi.test',
		});

		expect(result.error?.message).toBe(
			'The Base URL "ftp://api.eigi.test" in the Eigi API credential is not a valid http(s) URL',
		);
	});

	it('rejects a response that is not an object', async () => {
		nock(BASE_URL).get('/v1/public/conversations/c-1').reply(200, '"just text"', {
			'Content-Type': 'application/json',
		});

		const result = await runEigi({
			parameters: { resource: 'conversation', operation: 'get', conversationId: 'c-1' },
		});

		expect(result.error?.message).toBe('eigi returned no conversation object for ID "c-1"');
	});
});

describe('Conversation → Get Transcript', () => {
	it('returns one item per turn', async () => {
		const scope = nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.matchHeader('x-api-key', API_KEY)
			.reply(200, conversationFixture());

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'getTranscript',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(jsonOf(result)).toEqual([
			{
				conversation_id: CONVERSATION_ID,
				turn_index: 0,
				role: 'user',
				content: 'hi',
				timestamp: '2025-12-03T14:14:23.735228+00:00',
			},
			{
				conversation_id: CONVERSATION_ID,
				turn_index: 1,
				role: 'assistant',
				content: 'Hi there! How can I help you today?',
				timestamp: '2025-12-03T14:14:23.738544+00:00',
			},
		]);
		expect(result.outputs[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(scope.isDone()).toBe(true);
	});

	it('returns one text with a line per turn', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationFixture());

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'getTranscript',
				conversationId: CONVERSATION_ID,
				transcriptFormat: 'text',
			},
		});

		expect(jsonOf(result)).toEqual([
			{
				conversation_id: CONVERSATION_ID,
				turn_count: 2,
				transcript: 'user: hi\nassistant: Hi there! How can I help you today?',
			},
		]);
	});

	it('returns no turns for a null transcript', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationFixture({ conversation_transcript: null }));

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'getTranscript',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([]);
	});

	it('returns an empty text for a null transcript', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationFixture({ conversation_transcript: null }));

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'getTranscript',
				conversationId: CONVERSATION_ID,
				transcriptFormat: 'text',
			},
		});

		expect(jsonOf(result)).toEqual([
			{ conversation_id: CONVERSATION_ID, turn_count: 0, transcript: '' },
		]);
	});
});
