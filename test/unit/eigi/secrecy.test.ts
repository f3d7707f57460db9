import nock from 'nock';
import type { NodeApiError } from 'n8n-workflow';

import type { EngineRunResult } from '../../support/engine';
import { API_KEY, BASE_URL, runEigi, useVirtualClock } from './eigiTestKit';
import { useNock } from '../../support/useNock';

useNock();

const PATH = '/v1/public/conversations/c-1';
const RECORDING_HOST = 'https://recordings.provider.test';

function networkError(code: string): Error {
	return Object.assign(new Error(`${code} with key ${API_KEY}`), { code });
}

// Each case makes the node fail in a different way; eigi's body echoes the key where it can.
const FAILURES: Array<[string, () => void]> = [
	[
		'401',
		() =>
			nock(BASE_URL)
				.get(PATH)
				.reply(401, { detail: `Invalid API key ${API_KEY}` }),
	],
	[
		'403',
		() =>
			nock(BASE_URL)
				.get(PATH)
				.reply(403, { message: `Key ${API_KEY} has no access` }),
	],
	['404', () => nock(BASE_URL).get(PATH).reply(404, `No conversation for ${API_KEY}`)],
	[
		'422',
		() =>
			nock(BASE_URL)
				.get(PATH)
				.reply(422, { detail: [{ loc: ['header', API_KEY], msg: 'bad' }] }),
	],
	[
		'429',
		() => nock(BASE_URL).get(PATH).times(2).reply(429, { detail: API_KEY }, { 'Retry-After': '1' }),
	],
	[
		'500',
		() =>
			nock(BASE_URL)
				.get(PATH)
				.times(2)
				.reply(500, { detail: `crash ${API_KEY}` }),
	],
	['timeout', () => nock(BASE_URL).get(PATH).times(2).delay(500).reply(200, {})],
	['reset', () => nock(BASE_URL).get(PATH).times(2).replyWithError(networkError('ECONNRESET'))],
	['refused', () => nock(BASE_URL).get(PATH).times(2).replyWithError(networkError('ECONNREFUSED'))],
	[
		'recording 401',
		() => {
			nock(BASE_URL)
				.get(PATH)
				.reply(200, {
					conversation_id: 'c-1',
					conversation_metadata: { conversation_recording_url: `${RECORDING_HOST}/r.mp3` },
				});
			nock(RECORDING_HOST).get('/r.mp3').reply(401, `Unauthorized ${API_KEY}`);
		},
	],
];

async function failingRun(name: string, continueOnFail: boolean): Promise<EngineRunResult> {
	useVirtualClock();
	return await runEigi({
		parameters: {
			resource: 'conversation',
			operation: name.startsWith('recording') ? 'downloadRecording' : 'get',
			conversationId: 'c-1',
			options: { maxAttempts: 2, timeout: 30 },
		},
		continueOnFail,
	});
}

describe('API key secrecy', () => {
	it.each(FAILURES)('keeps the key out of a thrown %s error', async (name, mockFailure) => {
		mockFailure();

		const result = await failingRun(name, false);

		const error = result.error as NodeApiError;
		expect(error).toBeDefined();
		expect(error.message).not.toContain(API_KEY);
		expect(error.description ?? '').not.toContain(API_KEY);
		expect(JSON.stringify(error)).not.toContain(API_KEY);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
		expect(JSON.stringify(result.logs)).not.toContain(API_KEY);
	});

	it.each(FAILURES)('keeps the key out of a %s error item', async (name, mockFailure) => {
		mockFailure();

		const result = await failingRun(name, true);

		const item = result.outputs[0][0];
		expect(item.json.error).toEqual(expect.any(String));
		expect(JSON.stringify(item.json)).not.toContain(API_KEY);
		expect(JSON.stringify(result.run)).not.toContain(API_KEY);
		expect(JSON.stringify(result.logs)).not.toContain(API_KEY);
	});
});
