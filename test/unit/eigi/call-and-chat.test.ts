import nock from 'nock';
import type { INodeParameters } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { API_KEY, BASE_URL, jsonOf, runEigi, useVirtualClock } from './eigiTestKit';
import { useNock } from '../../support/useNock';

useNock();

const AGENT_ID = '68ea2517dbb84c09bae1ba0a';
const CALLED = { status: 'success', message: 'Outbound calls initiated successfully' };

function outboundParameters(
	recipients: INodeParameters[],
	extra: INodeParameters = {},
): INodeParameters {
	return {
		resource: 'call',
		operation: 'startOutbound',
		agentId: AGENT_ID,
		recipients: { recipient: recipients },
		...extra,
	};
}

describe('Call → Start Outbound Call', () => {
	it('posts agent, numbers with metadata, provider and test flag', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/public/calls/outbound', {
				agent_id: AGENT_ID,
				params: [
					{ mobile_number: '+919876543210', metadata: { name: 'Asha', lead: 7 } },
					{ mobile_number: '+14155550123' },
				],
				telephony_provider: 'TWILIO',
				is_test_call: true,
			})
			.matchHeader('x-api-key', API_KEY)
			.reply(200, CALLED);

		const result = await runEigi({
			parameters: outboundParameters(
				[
					{ mobileNumber: '+91 98765 43210', metadata: '{"name":"Asha","lead":7}' },
					{ mobileNumber: '+1 (415) 555-0123', metadata: '{}' },
				],
				{ telephonyProvider: 'TWILIO', isTestCall: true },
			),
		});

		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toEqual([
			{
				...CALLED,
				agent_id: AGENT_ID,
				call_count: 2,
				mobile_numbers: ['+919876543210', '+14155550123'],
			},
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('defaults to Plivo and a real call', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/public/calls/outbound', {
				agent_id: AGENT_ID,
				params: [{ mobile_number: '+14155550123' }],
				telephony_provider: 'PLIVO',
				is_test_call: false,
			})
			.reply(200, CALLED);

		const result = await runEigi({
			parameters: outboundParameters([{ mobileNumber: '+14155550123' }]),
		});

		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('names the number that is not E.164', async () => {
		const result = await runEigi({
			parameters: outboundParameters([
				{ mobileNumber: '+14155550123' },
				{ mobileNumber: '09876543210' },
			]),
		});

		expect(result.error?.message).toBe(
			'Phone number "09876543210" of recipient 2 is not in E.164 format',
		);
		expect((result.error as { description?: string }).description).toContain('+14155550123');
	});

	it('rejects metadata that is not a JSON object', async () => {
		const result = await runEigi({
			parameters: outboundParameters([{ mobileNumber: '+14155550123', metadata: '[1, 2]' }]),
		});

		expect(result.error?.message).toBe('Metadata of recipient 1 is an array, not a JSON object');
	});

	it('rejects an empty recipient list', async () => {
		const result = await runEigi({ parameters: outboundParameters([]) });

		expect(result.error?.message).toBe('No recipient to call');
	});

	it('rejects an empty agent ID', async () => {
		const result = await runEigi({
			parameters: outboundParameters([{ mobileNumber: '+14155550123' }], { agentId: ' ' }),
		});

		expect(result.error?.message).toBe('Agent ID is empty');
	});

	it('does not repeat a call request after a 500', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/public/calls/outbound')
			.reply(500, { detail: 'Internal Server Error' });

		const result = await runEigi({
			parameters: outboundParameters([{ mobileNumber: '+14155550123' }]),
		});

		expect(result.error?.message).toBe('The eigi API returned HTTP 500: Internal Server Error');
		expect((result.error as { description?: string }).description).toContain(
			'eigi may already have started some calls',
		);
		expect(scope.isDone()).toBe(true);
	});

	it('repeats a call request after a 429', async () => {
		const clock = useVirtualClock();
		const scope = nock(BASE_URL)
			.post('/v1/public/calls/outbound')
			.reply(429, { detail: 'Rate limit exceeded' }, { 'Retry-After': '2' })
			.post('/v1/public/calls/outbound')
			.reply(200, CALLED);

		const result = await runEigi({
			parameters: outboundParameters([{ mobileNumber: '+14155550123' }]),
		});

		expect(result.error).toBeUndefined();
		expect(clock.sleeps).toEqual([2000]);
		expect(scope.isDone()).toBe(true);
	});

	it('explains an unknown agent', async () => {
		nock(BASE_URL).post('/v1/public/calls/outbound').reply(404, { detail: 'Agent not found' });

		const result = await runEigi({
			parameters: outboundParameters([{ mobileNumber: '+14155550123' }]),
		});

		expect(result.error?.message).toBe('The eigi API returned HTTP 404: Agent not found');
		expect((result.error as { description?: string }).description).toContain(
			`no agent with ID "${AGENT_ID}"`,
		);
	});
});

function chatParameters(extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'chat',
		operation: 'sendMessage',
		agentId: AGENT_ID,
		message: 'Hello there',
		...extra,
	};
}

describe('Chat → Send Message', () => {
	it('posts a non-streaming message and returns the reply', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/public/chat', { agent_id: AGENT_ID, message: 'Hello there', streaming: false })
			.matchHeader('x-api-key', API_KEY)
			.reply(200, { response: 'Hi! How can I help?', session_id: 'chat_session_1' });

		const result = await runEigi({ parameters: chatParameters() });

		expect(jsonOf(result)).toEqual([
			{ response: 'Hi! How can I help?', session_id: 'chat_session_1', agent_id: AGENT_ID },
		]);
		expect(scope.isDone()).toBe(true);
	});

	it('continues a session with metadata', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/public/chat', {
				agent_id: AGENT_ID,
				message: 'And tomorrow?',
				streaming: false,
				session_id: 'chat_session_1',
				metadata: { plan: 'pro' },
			})
			.reply(200, { response: 'Tomorrow works.', session_id: 'chat_session_1' });

		const result = await runEigi({
			parameters: chatParameters({
				message: 'And tomorrow?',
				sessionId: ' chat_session_1 ',
				additionalFields: { metadata: '{"plan":"pro"}' },
			}),
		});

		expect(jsonOf(result)[0].session_id).toBe('chat_session_1');
		expect(scope.isDone()).toBe(true);
	});

	it('sends the messages of one session in input order', async () => {
		const received: string[] = [];
		let inFlight = 0;
		let maxInFlight = 0;
		nock(BASE_URL)
			.persist()
			.post('/v1/public/chat')
			.reply(async (_uri, body) => {
				const { message, session_id } = body as { message: string; session_id?: string };
				received.push(`${session_id ?? 'new'}:${message}`);
				inFlight += 1;
				maxInFlight = Math.max(maxInFlight, inFlight);
				await sleep(message === 'first' ? 100 : 2);
				inFlight -= 1;
				return [200, { response: `re ${message}`, session_id: session_id ?? 'created' }];
			});

		const result = await runEigi({
			parameters: chatParameters({
				message: '={{ $json.text }}',
				sessionId: '={{ $json.session }}',
			}),
			input: [
				{ json: { text: 'first', session: 's1' } },
				{ json: { text: 'second', session: 's1' } },
				{ json: { text: 'other', session: 's2' } },
				{ json: { text: 'third', session: 's1' } },
			],
		});

		expect(jsonOf(result).map((json) => json.response)).toEqual([
			're first',
			're second',
			're other',
			're third',
		]);
		const sessionOne = received.filter((entry) => entry.startsWith('s1:'));
		expect(sessionOne).toEqual(['s1:first', 's1:second', 's1:third']);
		expect(received.indexOf('s2:other')).toBeLessThan(received.indexOf('s1:second'));
		expect(maxInFlight).toBe(2);
	});

	it('accepts a reply in the envelope', async () => {
		nock(BASE_URL)
			.post('/v1/public/chat')
			.reply(200, { status: 'success', message: 'ok', data: { response: 'Hi', session_id: 's1' } });

		const result = await runEigi({ parameters: chatParameters() });

		expect(jsonOf(result)).toEqual([{ response: 'Hi', session_id: 's1', agent_id: AGENT_ID }]);
	});

	it('accepts 4000 characters', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/public/chat')
			.reply(200, { response: 'ok', session_id: 's' });

		const result = await runEigi({ parameters: chatParameters({ message: 'a'.repeat(4000) }) });

		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('rejects 4001 characters', async () => {
		const result = await runEigi({ parameters: chatParameters({ message: 'a'.repeat(4001) }) });

		expect(result.error?.message).toBe('Message has 4001 characters, but eigi accepts 1 to 4000');
	});

	it('counts an emoji as one character', async () => {
		const scope = nock(BASE_URL)
			.post('/v1/public/chat')
			.reply(200, { response: 'ok', session_id: 's' });

		const result = await runEigi({
			parameters: chatParameters({ message: '😀'.repeat(4000) }),
		});

		expect(result.error).toBeUndefined();
		expect(scope.isDone()).toBe(true);
	});

	it('rejects an empty message', async () => {
		const result = await runEigi({ parameters: chatParameters({ message: '   ' }) });

		expect(result.error?.message).toBe('Message is empty');
	});

	it('rejects metadata that is not a JSON object', async () => {
		const result = await runEigi({
			parameters: chatParameters({ additionalFields: { metadata: '"text"' } }),
		});

		expect(result.error?.message).toBe('Metadata is a string, not a JSON object');
	});

	it('rejects a reply without response text', async () => {
		nock(BASE_URL).post('/v1/public/chat').reply(200, 'data: {"type":"chunk"}\n\n', {
			'Content-Type': 'text/event-stream',
		});

		const result = await runEigi({ parameters: chatParameters() });

		expect(result.error?.message).toBe('eigi returned no reply text for the chat message');
	});

	it('shows eigi validation errors field by field', async () => {
		nock(BASE_URL)
			.post('/v1/public/chat')
			.reply(422, {
				detail: [{ loc: ['body', 'agent_id'], msg: 'Field required', type: 'missing' }],
			});

		const result = await runEigi({ parameters: chatParameters() });

		expect(result.error?.message).toBe(
			'The eigi API returned HTTP 422: body.agent_id: Field required',
		);
	});
});
