import type { IDataObject } from 'n8n-workflow';

import { AWKWARD_TEXT, longTranscript, samplePayload } from './deliveries';
import { runExecute } from './engineRun';
import {
	jsonDelivery,
	multipartDelivery,
	multipartEvent,
	queryDelivery,
	urlencodedDelivery,
} from './requests';
import { callWebhook, emittedItems } from './webhookHarness';

const EVENT = 'conversation.completed';

describe('field repeated in one delivery', () => {
	const payloadText = JSON.stringify(samplePayload());

	it('accepts event and payload repeated with the same values', async () => {
		const built = multipartDelivery('POST', [
			['event', EVENT],
			['payload', payloadText],
			['event', EVENT],
			['payload', payloadText],
		]);
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)).toHaveLength(1);
	});

	it('accepts a GET query with a repeated event', async () => {
		const built = queryDelivery(EVENT, samplePayload(), [['event', EVENT]]);
		const outcome = await callWebhook(built.request);

		expect(outcome.status).toBe(200);
	});

	it('rejects payload repeated with different values', async () => {
		const built = multipartDelivery('POST', [
			['event', EVENT],
			['payload', payloadText],
			['payload', JSON.stringify(samplePayload({ notes: 'other' }))],
		]);
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(400);
		expect(outcome.body).toMatchObject({ field: 'payload' });
		expect((outcome.body as IDataObject).message).toContain('2 times with different values');
	});
});

describe('payload sent as a file part', () => {
	const payload = samplePayload();

	function fileDelivery(content: string | Buffer, extraFields: Array<[string, string]> = []) {
		return multipartDelivery('POST', [['event', EVENT], ...extraFields], {
			payload: { content, filename: 'payload.json' },
		});
	}

	it.each([['memory'], ['stored']] as const)(
		'reads it in n8n’s %s binary mode',
		async (binaryMode) => {
			const built = fileDelivery(JSON.stringify(payload));
			const outcome = await callWebhook(built.request, { binaryMode }, built.fileContents);

			expect(outcome.status).toBe(200);
			expect(outcome.copiedFiles).toEqual([...built.fileContents.keys()]);
			expect(emittedItems(outcome)[0]).toMatchObject({
				conversation_id: payload.conversation_id,
				notes: null,
			});
			expect(outcome.result.workflowData?.[0][0].binary?.payload).toMatchObject({
				mimeType: 'application/json',
				fileName: 'payload.json',
			});
		},
	);

	it('skips a UTF-8 byte order mark', async () => {
		const built = fileDelivery(Buffer.from(`\uFEFF${JSON.stringify(payload)}`, 'utf8'));
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(200);
	});

	it('accepts a field and a file part with the same payload', async () => {
		const built = fileDelivery(JSON.stringify(payload), [['payload', JSON.stringify(payload)]]);
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(200);
	});

	it('rejects a field and a file part with different payloads', async () => {
		const built = fileDelivery(JSON.stringify(payload), [
			['payload', JSON.stringify(samplePayload({ notes: 'x' }))],
		]);
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(400);
		expect(outcome.body).toMatchObject({ field: 'payload' });
	});

	it('rejects a file part that is not JSON', async () => {
		const built = fileDelivery('conversation_id=c-1');
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(400);
		expect((outcome.body as IDataObject).message).toContain('not valid JSON');
	});

	it('does not read the file of an unselected event', async () => {
		const built = fileDelivery(JSON.stringify(payload));
		const outcome = await callWebhook(
			built.request,
			{ parameters: { events: ['conversation.failed'] } },
			built.fileContents,
		);

		expect(outcome.body).toEqual({ received: true, ignored: 'event_not_selected' });
		expect(outcome.copiedFiles).toEqual([]);
	});
});

describe('unencoded + of a phone number in a GET', () => {
	// eigi sometimes leaves `+` unencoded in GET URLs; Express then decodes it as a space.
	function plusAsSpaceQuery(payload: IDataObject): string {
		const encoded = encodeURIComponent(JSON.stringify(payload)).replace(/%2B/g, '+');
		return `event=${EVENT}&payload=${encoded}`;
	}

	const payload = samplePayload({
		to_mobile_number: '+14155550123',
		from_mobile_number: '+44 20 7946 0958',
		conversation_transcript: [{ role: 'user', content: 'a+b' }],
	});

	it('restores the + of both phone-number fields', async () => {
		const outcome = await callWebhook({ method: 'GET', rawQuery: plusAsSpaceQuery(payload) });

		expect(outcome.status).toBe(200);
		expect(emittedItems(outcome)[0]).toMatchObject({
			to_mobile_number: '+14155550123',
			from_mobile_number: '+44 20 7946 0958',
		});
	});

	it('leaves other fields as decoded', async () => {
		const outcome = await callWebhook({ method: 'GET', rawQuery: plusAsSpaceQuery(payload) });

		expect(emittedItems(outcome)[0].conversation_transcript).toEqual([
			{ role: 'user', content: 'a b' },
		]);
	});

	it('repairs urlencoded bodies the same way', async () => {
		const built = urlencodedDelivery('POST', {
			event: EVENT,
			payload: JSON.stringify({ conversation_id: 'c-1', to_mobile_number: ' 14155550123' }),
		});
		const outcome = await callWebhook(built.request);

		expect(emittedItems(outcome)[0].to_mobile_number).toBe('+14155550123');
	});

	it('leaves multipart values as sent', async () => {
		const built = multipartEvent('POST', EVENT, {
			conversation_id: 'c-1',
			to_mobile_number: ' 14155550123',
		});
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(emittedItems(outcome)[0].to_mobile_number).toBe(' 14155550123');
	});

	it('leaves a properly encoded + alone', async () => {
		const built = queryDelivery(EVENT, payload);
		const outcome = await callWebhook(built.request);

		expect(emittedItems(outcome)[0].conversation_transcript).toEqual([
			{ role: 'user', content: 'a+b' },
		]);
	});
});

describe('awkward characters round-trip byte for byte', () => {
	const payload = samplePayload({
		conversation_id: 'conv-%#&*-😀',
		notes: AWKWARD_TEXT,
		conversation_transcript: [{ role: 'user', content: AWKWARD_TEXT }],
		custom: { [AWKWARD_TEXT]: AWKWARD_TEXT },
	});

	const cases = [
		['GET', queryDelivery(EVENT, payload)],
		['multipart', multipartEvent('PATCH', EVENT, payload)],
		['JSON', jsonDelivery('PUT', { event: EVENT, payload })],
		['urlencoded', urlencodedDelivery('POST', { event: EVENT, payload: JSON.stringify(payload) })],
		[
			'file part',
			multipartDelivery('POST', [['event', EVENT]], {
				payload: { content: JSON.stringify(payload) },
			}),
		],
	] as const;

	it.each(cases)('%s', async (_name, built) => {
		const outcome = await callWebhook(built.request, {}, built.fileContents);
		const item = emittedItems(outcome)[0];

		expect(outcome.status).toBe(200);
		expect(Buffer.from(String(item.notes), 'utf8').equals(Buffer.from(AWKWARD_TEXT, 'utf8'))).toBe(
			true,
		);
		expect(item.conversation_transcript).toEqual([{ role: 'user', content: AWKWARD_TEXT }]);
		expect(item.custom).toEqual({ [AWKWARD_TEXT]: AWKWARD_TEXT });
		expect(item.deduplication_key).toBe(`${EVENT}:conv-%#&*-😀`);
		expect(outcome.body).toMatchObject({ conversation_id: 'conv-%#&*-😀' });
	});
});

describe('2 MB transcript via multipart', () => {
	const transcript = longTranscript(5000);
	const payload = samplePayload({ conversation_transcript: transcript });
	const payloadText = JSON.stringify(payload);

	it('is about 2 MB', () => {
		expect(Buffer.byteLength(payloadText, 'utf8')).toBeGreaterThan(2_000_000);
	});

	it('is accepted with every turn intact', async () => {
		const built = multipartDelivery('POST', [
			['event', EVENT],
			['payload', payloadText],
		]);
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(200);
		const item = emittedItems(outcome)[0];
		expect(item.conversation_transcript).toHaveLength(5000);
		expect(JSON.stringify(item.conversation_transcript)).toBe(JSON.stringify(transcript));
	});

	it('passes through execute() with Simplify', async () => {
		const built = multipartDelivery('POST', [
			['event', EVENT],
			['payload', payloadText],
		]);
		const outcome = await callWebhook(built.request, {}, built.fileContents);
		const run = await runExecute(outcome.result.workflowData, {
			parameters: { options: { simplify: true } },
		});

		const json = run.outputs[0][0].json;
		expect(json.conversation_transcript).toHaveLength(5000);
		expect(String(json.transcript_text).split('\n')).toHaveLength(5000);
	});

	it('names the first bad turn of a long transcript', async () => {
		const broken = transcript.map((turn, index) => (index === 4321 ? { ...turn, role: 5 } : turn));
		const built = multipartEvent('POST', EVENT, samplePayload({ conversation_transcript: broken }));
		const outcome = await callWebhook(built.request, {}, built.fileContents);

		expect(outcome.status).toBe(400);
		expect(outcome.body).toMatchObject({ field: 'payload.conversation_transcript[4321].role' });
	});
});
