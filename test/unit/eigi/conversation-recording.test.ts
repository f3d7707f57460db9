import nock from 'nock';

import {
	API_KEY,
	BASE_URL,
	CONVERSATION_ID,
	conversationFixture,
	jsonOf,
	runEigi,
	useVirtualClock,
} from './eigiTestKit';
import { useNock } from '../../support/useNock';

useNock();

const RECORDING_HOST = 'https://recordings.provider.test';
const AUDIO = Buffer.from('ID3\u0004\u0000fake-mp3-bytes');

function conversationWithRecording(url: string | null): object {
	return conversationFixture({
		conversation_metadata: { calling_type: 'OUTBOUND', conversation_recording_url: url },
	});
}

describe('Conversation → Download Recording', () => {
	it('downloads the recording without the API key', async () => {
		const api = nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.matchHeader('x-api-key', API_KEY)
			.reply(200, conversationWithRecording(`${RECORDING_HOST}/rec/a28e7071.mp3?sig=abc`));
		const recordings = nock(RECORDING_HOST, { badheaders: ['x-api-key', 'authorization'] })
			.get('/rec/a28e7071.mp3')
			.query({ sig: 'abc' })
			.reply(200, AUDIO, { 'Content-Type': 'audio/mpeg' });

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'downloadRecording',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(result.error).toBeUndefined();
		const item = result.outputs[0][0];
		expect(item.json).toEqual({
			conversation_id: CONVERSATION_ID,
			recording_url: `${RECORDING_HOST}/rec/a28e7071.mp3?sig=abc`,
		});
		expect(item.binary?.data.mimeType).toBe('audio/mpeg');
		expect(item.binary?.data.fileName).toBe('a28e7071.mp3');
		expect(Buffer.from(item.binary?.data.data ?? '', 'base64')).toEqual(AUDIO);
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(api.isDone()).toBe(true);
		expect(recordings.isDone()).toBe(true);
	});

	it('puts the file in the chosen binary field', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationWithRecording(`${RECORDING_HOST}/rec/x`));
		nock(RECORDING_HOST).get('/rec/x').reply(200, AUDIO, { 'Content-Type': 'audio/wav' });

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'downloadRecording',
				conversationId: CONVERSATION_ID,
				binaryPropertyName: 'audio',
			},
		});

		const binary = result.outputs[0][0].binary ?? {};
		expect(Object.keys(binary)).toEqual(['audio']);
		expect(binary.audio.fileName).toBe(`${CONVERSATION_ID}.wav`);
	});

	it('reads the recording URL from the top level too', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, {
				conversation_id: CONVERSATION_ID,
				conversation_recording_url: `${RECORDING_HOST}/rec/top.mp3`,
			});
		const recordings = nock(RECORDING_HOST).get('/rec/top.mp3').reply(200, AUDIO);

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'downloadRecording',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(jsonOf(result)[0].recording_url).toBe(`${RECORDING_HOST}/rec/top.mp3`);
		expect(recordings.isDone()).toBe(true);
	});

	it('explains a conversation without a recording yet', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationWithRecording(null));

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'downloadRecording',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(result.error?.message).toBe(`Conversation "${CONVERSATION_ID}" has no recording yet`);
		expect((result.error as { description?: string }).description).toContain('after they end');
	});

	it('rejects a recording URL that is not http(s)', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationWithRecording('file:///etc/passwd'));

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'downloadRecording',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(result.error?.message).toBe(
			`The recording URL of conversation "${CONVERSATION_ID}" is not an http(s) URL`,
		);
	});

	it('reports an expired recording link', async () => {
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationWithRecording(`${RECORDING_HOST}/rec/old.mp3`));
		nock(RECORDING_HOST).get('/rec/old.mp3').reply(403, 'AccessDenied: Request has expired');

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'downloadRecording',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(result.error?.message).toBe(
			'The recording host returned HTTP 403: AccessDenied: Request has expired',
		);
		expect((result.error as { description?: string }).description).toContain('expired');
	});

	it('retries a recording download after a 503', async () => {
		const clock = useVirtualClock();
		nock(BASE_URL)
			.get(`/v1/public/conversations/${CONVERSATION_ID}`)
			.reply(200, conversationWithRecording(`${RECORDING_HOST}/rec/r.mp3`));
		const recordings = nock(RECORDING_HOST)
			.get('/rec/r.mp3')
			.reply(503, 'busy')
			.get('/rec/r.mp3')
			.reply(200, AUDIO);

		const result = await runEigi({
			parameters: {
				resource: 'conversation',
				operation: 'downloadRecording',
				conversationId: CONVERSATION_ID,
			},
		});

		expect(result.error).toBeUndefined();
		expect(clock.sleeps).toEqual([750]);
		expect(recordings.isDone()).toBe(true);
	});
});
