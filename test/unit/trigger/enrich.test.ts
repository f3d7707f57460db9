import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import {
	flattenConversation,
	mergeConversation,
} from '../../../nodes/EigiTrigger/emit/mergeConversation';
import { timing } from '../../../nodes/Eigi/transport/timing';
import { useNock } from '../../support/useNock';
import { samplePayload } from './deliveries';
import { runExecute } from './engineRun';
import { queryDelivery } from './requests';
import { callWebhook } from './webhookHarness';

const BASE_URL = 'https://api.eigi.test';
const API_KEY = 'vk_test_enrich_key';
const credentials = { eigiApi: { apiKey: API_KEY, baseUrl: BASE_URL } };

/** A conversation as eigi's API returns it: call fields nested in conversation_metadata. */
function apiConversation(conversationId: string, overrides: IDataObject = {}): IDataObject {
	return {
		id: '69316c7d6519e8d49433e40b',
		conversation_id: conversationId,
		agent_id: '68ea2517dbb84c09bae1ba0a',
		conversation_type: 'TELEPHONY',
		conversation_status: 'COMPLETED',
		conversation_analysis: [{ is_good: true, summary: 'Confirmed Tuesday' }],
		notes: 'called back',
		conversation_transcript: [
			{ role: 'user', content: 'Hi', timestamp: '2025-12-03T14:14:23+00:00' },
		],
		created_by: null,
		conversation_metadata: {
			to_mobile_number: '+14155550123',
			from_mobile_number: '14155550999',
			calling_type: 'OUTBOUND',
			telephony_provider: 'TWILIO',
			conversation_recording_url: 'https://recordings.example.invalid/x.mp3',
			conversation_duration: 143,
			last_activity: '2025-12-03T14:15:20.985321+00:00',
			session_status: 'ended',
		},
		created_at: '2025-12-03T14:14:22.719000',
		updated_at: '2025-12-03T14:15:20.985000',
		...overrides,
	};
}

async function runEnriched(
	conversationId: string,
	options: IDataObject = {},
	payload: IDataObject = {},
) {
	const built = queryDelivery(
		'conversation.completed',
		samplePayload({ conversation_id: conversationId, conversation_analysis: null, ...payload }),
	);
	const outcome = await callWebhook(built.request, { parameters: { enrich: true, options } });
	expect(outcome.status).toBe(200);
	return await runExecute(outcome.result.workflowData, {
		parameters: { enrich: true, options },
		credentials,
	});
}

useNock();

describe('Enrich', () => {
	it('fetches the conversation with the API key and merges it under flat names', async () => {
		const scope = nock(BASE_URL)
			.matchHeader('x-api-key', API_KEY)
			.get('/v1/public/conversations/conv-1')
			.reply(200, apiConversation('conv-1'));

		const run = await runEnriched('conv-1');

		expect(scope.isDone()).toBe(true);
		expect(run.error).toBeUndefined();
		const json = run.outputs[0][0].json;
		expect(json).toMatchObject({
			event: 'conversation.completed',
			deduplication_key: 'conversation.completed:conv-1',
			conversation_analysis: [{ is_good: true, summary: 'Confirmed Tuesday' }],
			notes: 'called back',
			conversation_duration: 143,
			from_mobile_number: '+14155550999',
			created_at: '2025-12-03T14:14:22.719000',
			conversation_metadata: {
				last_activity: '2025-12-03T14:15:20.985321+00:00',
				session_status: 'ended',
			},
		});
		expect(json).not.toHaveProperty('enrichment_error');
	});

	it('encodes the conversation id in the URL', async () => {
		const scope = nock(BASE_URL)
			.get('/v1/public/conversations/id%20with%2Fslash')
			.reply(200, apiConversation('id with/slash'));

		const run = await runEnriched('id with/slash');

		expect(scope.isDone()).toBe(true);
		expect(run.outputs[0][0].json.conversation_id).toBe('id with/slash');
	});

	it('accepts a conversation wrapped in status, message and data', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/conv-wrapped')
			.reply(200, {
				status: 'success',
				message: 'ok',
				data: apiConversation('conv-wrapped', { notes: 'wrapped' }),
			});

		const run = await runEnriched('conv-wrapped');

		expect(run.outputs[0][0].json.notes).toBe('wrapped');
	});

	it('still emits the delivery with enrichment_error when the fetch fails', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/conv-missing')
			.reply(404, { detail: 'Conversation not found' });

		const run = await runEnriched('conv-missing');

		expect(run.error).toBeUndefined();
		const json = run.outputs[0][0].json;
		expect(json).toMatchObject({
			conversation_id: 'conv-missing',
			event: 'conversation.completed',
		});
		expect(json.enrichment_error).toMatchObject({ http_code: 404 });
		expect((json.enrichment_error as IDataObject).message).toContain('Conversation not found');
		expect(JSON.stringify(json)).not.toContain(API_KEY);
		expect(
			run.logs.some((entry) => entry.level === 'warn' && entry.message.includes('could not fetch')),
		).toBe(true);
	});

	it('still emits the delivery when the API rejects the key', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/conv-key')
			.reply(401, { detail: 'Invalid API key' });

		const run = await runEnriched('conv-key');

		expect(run.outputs[0][0].json.enrichment_error).toMatchObject({ http_code: 401 });
		expect(JSON.stringify(run.outputs)).not.toContain(API_KEY);
	});

	it('still emits the delivery when the API is down', async () => {
		// Port 9 (discard) is closed on this host, so every attempt is refused at once; the
		// client's backoff waits are skipped.
		nock.enableNetConnect('127.0.0.1');
		const sleep = jest.spyOn(timing, 'sleep').mockResolvedValue(undefined);
		const built = queryDelivery(
			'conversation.completed',
			samplePayload({ conversation_id: 'conv-down' }),
		);
		const outcome = await callWebhook(built.request, { parameters: { enrich: true } });
		const run = await runExecute(outcome.result.workflowData, {
			parameters: { enrich: true },
			credentials: { eigiApi: { apiKey: API_KEY, baseUrl: 'http://127.0.0.1:9' } },
		});
		sleep.mockRestore();
		nock.disableNetConnect();

		expect(run.error).toBeUndefined();
		const json = run.outputs[0][0].json;
		expect(json.conversation_id).toBe('conv-down');
		expect((json.enrichment_error as IDataObject).message).toContain('Could not connect');
		expect(json.enrichment_error).not.toHaveProperty('http_code');
	});

	it('applies Simplify after merging', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/conv-simple')
			.reply(
				200,
				apiConversation('conv-simple', {
					conversation_transcript: null,
					conversation_type: 'Daily',
				}),
			);

		const run = await runEnriched(
			'conv-simple',
			{ simplify: true },
			{ conversation_transcript: null },
		);
		const json = run.outputs[0][0].json;

		expect(json.conversation_transcript).toEqual([]);
		expect(json.conversation_type).toBe('DAILY');
		expect(json.transcript_text).toBe('');
	});
});

describe('Enrich waiting for the analysis', () => {
	it('fetches again until the analysis is filled', async () => {
		const scope = nock(BASE_URL)
			.get('/v1/public/conversations/pending-analysis-1')
			.times(2)
			.reply(200, apiConversation('pending-analysis-1', { conversation_analysis: null }))
			.get('/v1/public/conversations/pending-analysis-1')
			.reply(200, apiConversation('pending-analysis-1'));

		const run = await runEnriched('pending-analysis-1', {
			waitForAnalysis: true,
			analysisMaxWait: 30,
		});

		expect(scope.isDone()).toBe(true);
		expect(run.outputs[0][0].json.conversation_analysis).toEqual([
			{ is_good: true, summary: 'Confirmed Tuesday' },
		]);
	});

	it('does not fetch again without Wait for Analysis', async () => {
		const scope = nock(BASE_URL)
			.get('/v1/public/conversations/pending-analysis-2')
			.reply(200, apiConversation('pending-analysis-2', { conversation_analysis: null }));

		const run = await runEnriched('pending-analysis-2');

		expect(scope.isDone()).toBe(true);
		expect(run.outputs[0][0].json.conversation_analysis).toBeNull();
	});

	it('gives up after Analysis Max Wait and emits the analysis as null', async () => {
		const scope = nock(BASE_URL)
			.get('/v1/public/conversations/pending-analysis-3')
			.times(2)
			.reply(200, apiConversation('pending-analysis-3', { conversation_analysis: null }));

		const startedAt = Date.now();
		const run = await runEnriched('pending-analysis-3', {
			waitForAnalysis: true,
			analysisMaxWait: 2,
		});

		expect(scope.isDone()).toBe(true);
		expect(Date.now() - startedAt).toBeLessThan(10_000);
		expect(run.outputs[0][0].json.conversation_analysis).toBeNull();
		expect(run.outputs[0][0].json).not.toHaveProperty('enrichment_error');
	});

	it('keeps the first fetch and reports a failed re-fetch', async () => {
		nock(BASE_URL)
			.get('/v1/public/conversations/pending-analysis-4')
			.reply(
				200,
				apiConversation('pending-analysis-4', { conversation_analysis: null, notes: 'first' }),
			)
			.get('/v1/public/conversations/pending-analysis-4')
			.reply(404, { detail: 'Conversation not found' });

		const run = await runEnriched('pending-analysis-4', {
			waitForAnalysis: true,
			analysisMaxWait: 30,
		});
		const json = run.outputs[0][0].json;

		expect(json.notes).toBe('first');
		expect(json.enrichment_error).toMatchObject({ http_code: 404 });
		expect((json.enrichment_error as IDataObject).message).toContain('waiting for its analysis');
	});
});

describe('mergeConversation', () => {
	it('lifts call fields out of conversation_metadata', () => {
		const flat = flattenConversation({
			conversation_id: 'c',
			conversation_metadata: { to_mobile_number: '+1', session_status: 'ended' },
		});

		expect(flat).toEqual({
			conversation_id: 'c',
			to_mobile_number: '+1',
			conversation_metadata: { session_status: 'ended' },
		});
	});

	it('keeps delivery values where the API has null', () => {
		const merged = mergeConversation(
			{ conversation_transcript: [{ role: 'user', content: 'hi' }], notes: 'a' },
			{ conversation_transcript: null, notes: 'b' },
		);

		expect(merged).toEqual({
			conversation_transcript: [{ role: 'user', content: 'hi' }],
			notes: 'b',
		});
	});

	it('keeps the E.164 form of a phone number the API wrote without +', () => {
		const merged = mergeConversation(
			{ from_mobile_number: '+14155550999', to_mobile_number: '+14155550123' },
			{
				conversation_metadata: {
					from_mobile_number: '14155550999',
					to_mobile_number: '+14155550100',
				},
			},
		);

		expect(merged.from_mobile_number).toBe('+14155550999');
		expect(merged.to_mobile_number).toBe('+14155550100');
	});

	it('never overwrites event or deduplication_key', () => {
		const merged = mergeConversation(
			{ event: 'conversation.failed', deduplication_key: 'conversation.failed:c' },
			{ event: 'something.else', deduplication_key: 'x' },
		);

		expect(merged).toEqual({
			event: 'conversation.failed',
			deduplication_key: 'conversation.failed:c',
		});
	});

	it('adds API-only fields, null included', () => {
		const merged = mergeConversation({ conversation_id: 'c' }, { created_by: null });

		expect(merged).toEqual({ conversation_id: 'c', created_by: null });
	});
});
