import type { IDataObject } from 'n8n-workflow';

import { simplifyDelivery } from '../../../nodes/EigiTrigger/emit/simplify';
import { transcriptText } from '../../../nodes/shared/transcript';
import { DOCUMENTED_FIELDS } from '../../support/documentedFields';
import { samplePayload } from './deliveries';
import { runExecute } from './engineRun';
import { multipartEvent, queryDelivery } from './requests';
import { callWebhook, emittedItems } from './webhookHarness';

async function emitted(payload: IDataObject, options: IDataObject): Promise<IDataObject> {
	const built = queryDelivery('conversation.completed', payload);
	const outcome = await callWebhook(built.request, { parameters: { options } });
	const run = await runExecute(outcome.result.workflowData, { parameters: { options } });
	expect(run.error).toBeUndefined();
	return run.outputs[0][0].json;
}

describe('Simplify', () => {
	it('converts strings of documented number and boolean fields', async () => {
		const json = await emitted(
			samplePayload({ conversation_duration: '142', is_test_call: 'TRUE' }),
			{ simplify: true },
		);

		expect(json.conversation_duration).toBe(142);
		expect(json.is_test_call).toBe(true);
	});

	it('turns a null transcript into [] and an empty transcript_text', async () => {
		const json = await emitted(samplePayload({ conversation_transcript: null }), {
			simplify: true,
		});

		expect(json.conversation_transcript).toEqual([]);
		expect(json.transcript_text).toBe('');
	});

	it('joins the transcript as role: content lines', async () => {
		const json = await emitted(samplePayload(), { simplify: true });

		expect(json.transcript_text).toBe(
			'assistant: Hello, this is eigi.\nuser: Hi, confirm Tuesday.',
		);
	});

	it('upper-cases known enum values and keeps unknown ones', async () => {
		const json = await emitted(
			samplePayload({
				conversation_type: 'Daily',
				calling_type: 'outbound',
				telephony_provider: 'Vonage',
			}),
			{ simplify: true },
		);

		expect(json.conversation_type).toBe('DAILY');
		expect(json.calling_type).toBe('OUTBOUND');
		expect(json.telephony_provider).toBe('Vonage');
	});

	it('sets every documented field even when the payload has only conversation_id', async () => {
		const json = await emitted({ conversation_id: 'c-min' }, { simplify: true });

		for (const field of DOCUMENTED_FIELDS) expect(json).toHaveProperty(field);
		expect(json).toMatchObject({
			conversation_id: 'c-min',
			event: 'conversation.completed',
			deduplication_key: 'conversation.completed:c-min',
			conversation_transcript: [],
			transcript_text: '',
			conversation_analysis: null,
			conversation_duration: null,
			is_test_call: null,
			notes: null,
		});
	});

	it('keeps unknown fields', async () => {
		const json = await emitted(samplePayload({ custom_field: { a: 1 } }), { simplify: true });

		expect(json.custom_field).toEqual({ a: 1 });
	});

	it('off: passes values through untouched', async () => {
		const payload = samplePayload({
			conversation_duration: '142',
			is_test_call: 'false',
			conversation_transcript: null,
			conversation_type: 'Daily',
			notes: '',
		});
		const json = await emitted(payload, {});

		expect(json).toEqual({
			...payload,
			event: 'conversation.completed',
			deduplication_key: `conversation.completed:${payload.conversation_id as string}`,
		});
		expect(json).not.toHaveProperty('transcript_text');
	});
});

describe('null, missing and "" optional fields', () => {
	// One row per documented optional field: what Simplify makes of null, a missing key and "".
	const rows: Array<[string, unknown]> = [
		['id', null],
		['agent_id', null],
		['conversation_type', null],
		['conversation_status', null],
		['notes', null],
		['conversation_duration', null],
		['conversation_recording_url', null],
		['calling_type', null],
		['telephony_provider', null],
		['to_mobile_number', null],
		['from_mobile_number', null],
		['is_test_call', null],
		['conversation_transcript', []],
		['conversation_analysis', null],
	];

	describe.each(rows)('%s', (field, simplified) => {
		const variants: Array<[string, IDataObject]> = [
			['null', { [field]: null }],
			['missing', { [field]: undefined }],
			['""', { [field]: '' }],
		];

		it.each(variants)(
			'%s is accepted and kept as sent with Simplify off',
			async (_name, overrides) => {
				const payload = samplePayload(overrides);
				const built = multipartEvent('POST', 'conversation.completed', payload);
				const outcome = await callWebhook(built.request, {}, built.fileContents);

				expect(outcome.status).toBe(200);
				const item = emittedItems(outcome)[0];
				if (overrides[field] === undefined) expect(item).not.toHaveProperty(field);
				else expect(item[field]).toBe(overrides[field]);
			},
		);

		it.each(variants)(
			`%s becomes ${JSON.stringify(simplified)} with Simplify`,
			(_name, overrides) => {
				const json = simplifyDelivery({ ...samplePayload(overrides) });

				expect(json[field]).toEqual(simplified);
			},
		);
	});
});

describe('transcriptText', () => {
	it('names turns without role or content', () => {
		expect(transcriptText([{ content: 'hi' }, { role: 'user', content: null }])).toBe(
			'unknown: hi\nuser: ',
		);
	});
});
