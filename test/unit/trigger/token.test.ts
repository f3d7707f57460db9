import crypto from 'crypto';
import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';
import { mock } from 'jest-mock-extended';

import { eigiWebhookTokenApiTest } from '../../../nodes/EigiTrigger/auth/credentialTest';
import { readQueryToken, tokensMatch } from '../../../nodes/EigiTrigger/auth/token';
import { samplePayload } from './deliveries';
import { multipartDelivery, queryDelivery } from './requests';
import { callWebhook, emittedItems } from './webhookHarness';

const TOKEN = 'example-webhook-token-0001';
const parameters = { authentication: 'token' };
const payload = samplePayload();

function getWithQuery(extra: Array<[string, string]>) {
	return queryDelivery('conversation.completed', payload, extra);
}

describe('token authentication', () => {
	it('rejects a delivery without token with 401', async () => {
		const built = getWithQuery([]);
		const outcome = await callWebhook(built.request, { parameters, token: TOKEN });

		expect(outcome.status).toBe(401);
		expect(outcome.body).toMatchObject({ error: 'unauthorized' });
		expect((outcome.body as { message: string }).message).toContain('no `token` query parameter');
		expect(outcome.result).toEqual({ noWebhookResponse: true });
	});

	it('rejects a wrong token with 401', async () => {
		const built = getWithQuery([['token', `${TOKEN}x`]]);
		const outcome = await callWebhook(built.request, { parameters, token: TOKEN });

		expect(outcome.status).toBe(401);
		expect((outcome.body as { message: string }).message).toContain('does not match');
		expect(outcome.result.workflowData).toBeUndefined();
	});

	it('rejects a token repeated with different values', async () => {
		const built = getWithQuery([
			['token', TOKEN],
			['token', 'other-token-value-1234'],
		]);
		const outcome = await callWebhook(built.request, { parameters, token: TOKEN });

		expect(outcome.status).toBe(401);
		const message = (outcome.body as { message: string }).message;
		expect(message).toContain('sent 2 times with different values');
		expect(message).not.toContain(TOKEN);
		expect(message).not.toContain('other-token-value-1234');
	});

	it('rejects a token given in bracket syntax', async () => {
		const built = getWithQuery([]);
		built.request.query = { token: { value: TOKEN } };
		const outcome = await callWebhook(built.request, { parameters, token: TOKEN });

		expect(outcome.status).toBe(401);
		const message = (outcome.body as { message: string }).message;
		expect(message).toContain('not a plain value');
		expect(message).not.toContain(TOKEN);
	});

	it('accepts the right token on a GET whose query carries the data', async () => {
		const built = getWithQuery([['token', TOKEN]]);
		const outcome = await callWebhook(built.request, { parameters, token: TOKEN });

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)).toHaveLength(1);
		expect(emittedItems(outcome)[0]).not.toHaveProperty('token');
	});

	it('accepts the token repeated with the same value', async () => {
		const built = getWithQuery([
			['token', TOKEN],
			['token', TOKEN],
		]);
		const outcome = await callWebhook(built.request, { parameters, token: TOKEN });

		expect(outcome.status).toBe(200);
	});

	it('accepts the right token on a multipart POST', async () => {
		const built = multipartDelivery(
			'POST',
			[
				['event', 'conversation.completed'],
				['payload', JSON.stringify(payload)],
			],
			{},
			`token=${TOKEN}`,
		);
		const outcome = await callWebhook(
			built.request,
			{ parameters, token: TOKEN },
			built.fileContents,
		);

		expect(outcome.status).toBe(200);
	});

	it('checks the token before the delivery itself', async () => {
		const built = queryDelivery('not-an-event', 'not json', [['token', 'wrong-token-value-12']]);
		const outcome = await callWebhook(built.request, { parameters, token: TOKEN });

		expect(outcome.status).toBe(401);
	});

	it('rejects every delivery when the stored token is empty', async () => {
		const built = getWithQuery([['token', '']]);
		const outcome = await callWebhook(built.request, { parameters, token: '' });

		expect(outcome.status).toBe(401);
		expect((outcome.body as { message: string }).message).toContain('no usable token credential');
	});

	it('rejects every delivery when the credential cannot be read', async () => {
		const built = getWithQuery([['token', TOKEN]]);
		const outcome = await callWebhook(built.request, { parameters, token: null });

		expect(outcome.status).toBe(401);
		expect(outcome.logs.some((entry) => entry.level === 'error')).toBe(true);
	});

	it('ignores the query token when authentication is off', async () => {
		const built = getWithQuery([['token', 'anything-at-all-here']]);
		const outcome = await callWebhook(built.request, { token: TOKEN });

		expect(outcome.status).toBe(200);
	});

	it('puts the token in no item, answer or log', async () => {
		const wrong = 'WRONG-token-value-9876';
		const outcomes = [
			await callWebhook(getWithQuery([['token', TOKEN]]).request, {
				parameters,
				token: TOKEN,
				nodeId: 'leak-1',
			}),
			await callWebhook(getWithQuery([['token', wrong]]).request, {
				parameters,
				token: TOKEN,
				nodeId: 'leak-2',
			}),
			await callWebhook(getWithQuery([]).request, { parameters, token: TOKEN, nodeId: 'leak-3' }),
		];

		const everything = JSON.stringify(
			outcomes.map((outcome) => ({
				items: emittedItems(outcome),
				body: outcome.body,
				logs: outcome.logs,
			})),
		);
		expect(everything).not.toContain(TOKEN);
		expect(everything).not.toContain(wrong);
		expect(outcomes[1].logs.filter((entry) => entry.level === 'warn')).toHaveLength(1);
	});
});

describe('timing-safe comparison', () => {
	afterEach(() => jest.restoreAllMocks());

	it('compares equal-length digests whatever the token lengths', () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');

		expect(tokensMatch('short', TOKEN)).toBe(false);
		expect(tokensMatch(TOKEN, TOKEN)).toBe(true);
		expect(spy).toHaveBeenCalledTimes(2);
		for (const [received, expected] of spy.mock.calls) {
			expect(received.byteLength).toBe(32);
			expect(expected.byteLength).toBe(32);
		}
	});

	it('goes through timingSafeEqual for a webhook delivery', async () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		const outcome = await callWebhook(getWithQuery([['token', 'x']]).request, {
			parameters,
			token: TOKEN,
		});

		expect(outcome.status).toBe(401);
		expect(spy).toHaveBeenCalledTimes(1);
	});
});

describe('readQueryToken', () => {
	it.each([
		[{ token: 'abc' }, { status: 'present', token: 'abc' }],
		[{ token: ['abc', 'abc'] }, { status: 'present', token: 'abc' }],
		[{ token: ['abc', 'abd'] }, { status: 'conflicting', count: 2 }],
		[{ token: ['abc', ''] }, { status: 'conflicting', count: 2 }],
		[{ token: ['', ''] }, { status: 'missing' }],
		[{ token: '' }, { status: 'missing' }],
		[{ token: { nested: 'abc' } }, { status: 'notString' }],
		[{ token: ['abc', { nested: 'abc' }] }, { status: 'notString' }],
		[{}, { status: 'missing' }],
		[undefined, { status: 'missing' }],
	])('reads %p as %p', (query, expected) => {
		expect(readQueryToken(query)).toEqual(expected);
	});
});

describe('Eigi Webhook Token credential test', () => {
	const context = mock<ICredentialTestFunctions>();

	function credential(token: unknown): ICredentialsDecrypted {
		return { id: '1', name: 'token', type: 'eigiWebhookTokenApi', data: { token } as never };
	}

	it.each([
		['', 'empty'],
		['short-token', '11 characters'],
		['x'.repeat(513), '513 characters'],
		['has spaces in the token', 'must be encoded in a URL'],
		['percent%2Bsign-in-token', 'must be encoded in a URL'],
	])('rejects %p', async (token, fragment) => {
		const result = await eigiWebhookTokenApiTest.call(context, credential(token));

		expect(result.status).toBe('Error');
		expect(result.message).toContain(fragment);
	});

	it('accepts a 26-character URL-safe token', async () => {
		const result = await eigiWebhookTokenApiTest.call(context, credential(TOKEN));

		expect(result.status).toBe('OK');
	});
});
