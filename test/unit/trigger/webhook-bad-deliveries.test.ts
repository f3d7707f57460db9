import type { IDataObject } from 'n8n-workflow';

import { samplePayload } from './deliveries';
import type { BuiltRequest } from './requests';
import {
	jsonDelivery,
	multipartDelivery,
	multipartEvent,
	queryDelivery,
	urlencodedDelivery,
} from './requests';
import { callWebhook } from './webhookHarness';

const EVENT = 'conversation.completed';

interface BadCase {
	name: string;
	built: BuiltRequest;
	field: string;
	/** Fragments the message must contain: the value received and what was expected. */
	mentions: string[];
}

function withPayload(overrides: IDataObject): BuiltRequest {
	return multipartEvent('POST', EVENT, samplePayload(overrides));
}

const badCases: BadCase[] = [
	{
		name: 'no event',
		built: multipartDelivery('POST', [['payload', JSON.stringify(samplePayload())]]),
		field: 'event',
		mentions: ['no `event`', 'conversation.completed, conversation.disconnected'],
	},
	{
		name: 'unknown event',
		built: multipartEvent('POST', 'conversation.started', samplePayload()),
		field: 'event',
		mentions: ['"conversation.started"', 'Expected one of'],
	},
	{
		name: 'no payload',
		built: multipartDelivery('POST', [['event', EVENT]]),
		field: 'payload',
		mentions: ['no `payload`', 'JSON string'],
	},
	{
		name: 'empty payload',
		built: queryDelivery(EVENT, ''),
		field: 'payload',
		mentions: ['no `payload`'],
	},
	{
		name: 'payload not JSON',
		built: multipartEvent('POST', EVENT, '{"conversation_id": "c-1",'),
		field: 'payload',
		mentions: ['not valid JSON', '"{\\"conversation_id\\": \\"c-1\\","'],
	},
	{
		name: 'payload a JSON array',
		built: multipartEvent('POST', EVENT, '[{"conversation_id":"c-1"}]'),
		field: 'payload',
		mentions: ['[{"conversation_id":"c-1"}]', 'expected a JSON object'],
	},
	{
		name: 'payload a JSON number',
		built: queryDelivery(EVENT, '42'),
		field: 'payload',
		mentions: ['is 42', 'expected a JSON object'],
	},
	{
		name: 'payload JSON null',
		built: jsonDelivery('POST', { event: EVENT, payload: null }),
		field: 'payload',
		mentions: ['is null', 'expected a JSON object'],
	},
	{
		name: 'no conversation_id',
		built: withPayload({ conversation_id: undefined }),
		field: 'payload.conversation_id',
		mentions: ['is no value', 'non-empty string'],
	},
	{
		name: 'blank conversation_id',
		built: withPayload({ conversation_id: '   ' }),
		field: 'payload.conversation_id',
		mentions: ['"   "', 'non-empty string'],
	},
	{
		name: 'conversation_id over 256 characters',
		built: withPayload({ conversation_id: 'a'.repeat(257) }),
		field: 'payload.conversation_id',
		mentions: ['has 257 characters', 'the limit is 256', '36-character UUIDs'],
	},
	{
		name: '1 MB conversation_id in a query',
		built: queryDelivery(EVENT, samplePayload({ conversation_id: 'b'.repeat(1024 * 1024) })),
		field: 'payload.conversation_id',
		mentions: ['has 1048576 characters', 'the limit is 256'],
	},
	{
		name: 'numeric conversation_id',
		built: withPayload({ conversation_id: 12345 }),
		field: 'payload.conversation_id',
		mentions: ['is 12345', 'non-empty string'],
	},
	{
		name: 'duration not a number',
		built: withPayload({ conversation_duration: 'two minutes' }),
		field: 'payload.conversation_duration',
		mentions: ['"two minutes"', 'a number, a numeric string'],
	},
	{
		name: 'is_test_call not a boolean',
		built: withPayload({ is_test_call: 'yes' }),
		field: 'payload.is_test_call',
		mentions: ['"yes"', 'true, false'],
	},
	{
		name: 'phone number not a string',
		built: withPayload({ to_mobile_number: 14155550123 }),
		field: 'payload.to_mobile_number',
		mentions: ['14155550123', 'a string, null or no value'],
	},
	{
		name: 'transcript not a list',
		built: withPayload({ conversation_transcript: { role: 'user' } }),
		field: 'payload.conversation_transcript',
		mentions: ['{"role":"user"}', 'a list of turns'],
	},
	{
		name: 'transcript turn content not a string',
		built: withPayload({
			conversation_transcript: [
				{ role: 'user', content: 'hi' },
				{ role: 'assistant', content: 7 },
			],
		}),
		field: 'payload.conversation_transcript[1].content',
		mentions: ['is 7', 'a string, null or no value'],
	},
	{
		name: 'transcript turn not an object',
		built: withPayload({ conversation_transcript: ['user: hi'] }),
		field: 'payload.conversation_transcript[0]',
		mentions: ['"user: hi"', 'an object with role, content and timestamp'],
	},
	{
		name: 'analysis an object',
		built: withPayload({ conversation_analysis: { is_good: true } }),
		field: 'payload.conversation_analysis',
		mentions: ['{"is_good":true}', 'a list'],
	},
	{
		name: 'payload.event disagrees with event',
		built: multipartEvent('POST', EVENT, samplePayload({ event: 'conversation.failed' })),
		field: 'payload.event',
		mentions: ['"conversation.failed"', '"conversation.completed"'],
	},
	{
		name: 'event repeated with different values',
		built: multipartDelivery('POST', [
			['event', EVENT],
			['event', 'conversation.failed'],
			['payload', JSON.stringify(samplePayload())],
		]),
		field: 'event',
		mentions: ['2 times with different values', '"conversation.failed"'],
	},
	{
		name: 'payload in query bracket syntax',
		built: {
			request: {
				method: 'GET',
				query: { event: EVENT, payload: { conversation_id: 'c-bracket' } },
			},
			fileContents: new Map(),
		},
		field: 'payload',
		mentions: ['`payload` query parameter', '{"conversation_id":"c-bracket"}', 'JSON string'],
	},
	{
		name: 'payload list in query bracket syntax',
		built: {
			request: {
				method: 'GET',
				query: { event: EVENT, payload: [{ conversation_id: 'c-1' }, { notes: 'x' }] },
			},
			fileContents: new Map(),
		},
		field: 'payload',
		mentions: ['`payload` query parameter', 'must be a JSON string'],
	},
	{
		name: 'event in query bracket syntax',
		built: {
			request: { method: 'GET', query: { event: { name: EVENT }, payload: '{}' } },
			fileContents: new Map(),
		},
		field: 'event',
		mentions: ['`event` query parameter', 'must be a JSON string'],
	},
	{
		name: 'payload in urlencoded bracket syntax',
		built: urlencodedDelivery('POST', { event: EVENT, payload: { conversation_id: 'c-form' } }),
		field: 'payload',
		mentions: ['`payload` form field', '{"conversation_id":"c-form"}', 'must be a JSON string'],
	},
	{
		name: 'payload in multipart bracket syntax',
		built: {
			request: {
				method: 'POST',
				contentType: 'multipart/form-data; boundary=x',
				body: { data: { event: EVENT, payload: { conversation_id: 'c-part' } }, files: {} },
			},
			fileContents: new Map(),
		},
		field: 'payload',
		mentions: ['`payload` form field', 'must be a JSON string'],
	},
	{
		name: 'JSON body an array',
		built: jsonDelivery('POST', [{ event: EVENT }]),
		field: 'body',
		mentions: ['[{"event":"conversation.completed"}]', 'expected an object'],
	},
	{
		name: 'unsupported body type',
		built: {
			request: { method: 'POST', contentType: 'text/plain', body: 'event=conversation.completed' },
			fileContents: new Map(),
		},
		field: 'content-type',
		mentions: ['"text/plain"', 'multipart/form-data'],
	},
	{
		name: 'POST without a body',
		built: { request: { method: 'POST' }, fileContents: new Map() },
		field: 'content-type',
		mentions: [
			'POST request has no Content-Type header',
			'multipart/form-data (what eigi sends), application/json or application/x-www-form-urlencoded',
		],
	},
	{
		name: 'PUT with a body but no content type',
		built: { request: { method: 'PUT', body: { event: EVENT } }, fileContents: new Map() },
		field: 'content-type',
		mentions: ['PUT request has no Content-Type header'],
	},
	{
		name: 'empty JSON body',
		built: jsonDelivery('POST', undefined),
		field: 'body',
		mentions: ['application/json but an empty body', 'JSON object with the fields'],
	},
	{
		name: 'payload repeated with long values',
		built: multipartDelivery('POST', [
			['event', EVENT],
			['payload', JSON.stringify(samplePayload({ notes: `${'n'.repeat(80)}A` }))],
			['payload', JSON.stringify(samplePayload({ notes: `${'n'.repeat(80)}B` }))],
		]),
		field: 'payload',
		mentions: ['2 times with different values', 'first differ at character', 'nA', 'versus'],
	},
];

describe('webhook() rejects bad deliveries with 400', () => {
	it.each(badCases.map((entry) => [entry.name, entry] as const))(
		'%s',
		async (_name, { built, field, mentions }) => {
			const outcome = await callWebhook(built.request, {}, built.fileContents);

			expect(outcome.status).toBe(400);
			expect(outcome.result).toEqual({ noWebhookResponse: true });
			expect(outcome.body).toMatchObject({ error: 'invalid_delivery', field });
			const message = (outcome.body as { message: string }).message;
			for (const fragment of mentions) expect(message).toContain(fragment);
		},
	);

	it('logs the field but no payload value', async () => {
		const built = withPayload({ to_mobile_number: 14155550123 });
		const outcome = await callWebhook(built.request, { nodeId: 'log-check' }, built.fileContents);

		const warnings = outcome.logs.filter((entry) => entry.level === 'warn');
		expect(warnings).toHaveLength(1);
		expect(warnings[0].meta).toMatchObject({ field: 'payload.to_mobile_number' });
		expect(JSON.stringify(warnings)).not.toContain('14155550123');
	});

	it('logs repeated rejections once a minute per node', async () => {
		const built = multipartEvent('POST', 'conversation.started', samplePayload());
		const logs = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			const outcome = await callWebhook(
				built.request,
				{ nodeId: 'repeat-check' },
				built.fileContents,
			);
			expect(outcome.status).toBe(400);
			logs.push(...outcome.logs.filter((entry) => entry.level === 'warn'));
		}

		expect(logs).toHaveLength(1);
	});
});

describe('webhook() answers its own failures with 500', () => {
	it('reports a payload file that cannot be read', async () => {
		const built = multipartDelivery('POST', [['event', EVENT]], {
			payload: { content: JSON.stringify(samplePayload()) },
		});
		const outcome = await callWebhook(built.request, {}, new Map());

		expect(outcome.status).toBe(500);
		expect(outcome.body).toMatchObject({ error: 'internal_error' });
		expect(outcome.logs.filter((entry) => entry.level === 'error')).toHaveLength(1);
	});
});
