import { randomUUID } from 'crypto';

import {
	binaryBytes,
	clearStandInRequests,
	e2eRun,
	registerConversation,
	setStandInConfig,
	standInRequests,
} from './support/harness';
import { itemsOf, runWorkflow } from './support/run-workflow';

const GET = 'Get Conversation';

async function fromStandIn(path: string, apiKey: string | null = e2eRun().apiKey) {
	const response = await fetch(`${e2eRun().standInUrl}${path}`, {
		headers: apiKey ? { 'X-API-Key': apiKey } : {},
	});
	return response;
}

function elapsedMs(requests: Array<{ receivedAt: string }>) {
	return Date.parse(requests[1].receivedAt) - Date.parse(requests[0].receivedAt);
}

describe('Eigi node Get Conversation in n8n', () => {
	it('returns the conversation and sends X-API-Key', async () => {
		const id = `e2e ${randomUUID()}/a?b#c`;
		const execution = await runWorkflow('eigi-get-stop', { items: [{ conversationId: id }] });

		expect(execution.status).toBe('success');
		const expected = await (
			await fromStandIn(`/v1/public/conversations/${encodeURIComponent(id)}`)
		).json();
		expect(itemsOf(execution, GET).map((item) => item.json)).toEqual([expected]);
		const requests = await standInRequests(`/v1/public/conversations/${encodeURIComponent(id)}`);
		expect(requests).toHaveLength(2);
		expect(requests[0].headers['x-api-key']).toBe(e2eRun().apiKey);
	});

	it('unwraps a {status, message, data} reply', async () => {
		const id = `wrapped-${randomUUID()}`;
		const execution = await runWorkflow('eigi-get-stop', { items: [{ conversationId: id }] });

		const [item] = itemsOf(execution, GET);
		expect(item.json.conversation_id).toBe(id);
		expect(item.json).not.toHaveProperty('data');
	});

	it.each([
		['rate-limit-seconds', 'a 429 with Retry-After in seconds', 900],
		['rate-limit-date', 'a 429 with Retry-After as a date', 900],
		['flaky', 'a 500', 0],
	])('retries %s (%s) and succeeds', async (scenario, _label, minimumWaitMs) => {
		const id = `${scenario}-${randomUUID()}`;
		const execution = await runWorkflow('eigi-get-stop', { items: [{ conversationId: id }] });

		expect(execution.status).toBe('success');
		expect(itemsOf(execution, GET)[0].json.conversation_id).toBe(id);
		const requests = await standInRequests(`/v1/public/conversations/${id}`);
		expect(requests).toHaveLength(2);
		expect(elapsedMs(requests)).toBeGreaterThanOrEqual(minimumWaitMs);
	});

	it('fails after its timeout on a slow API', async () => {
		const id = `slow-${randomUUID()}`;
		const execution = await runWorkflow('eigi-get-two-attempts', {
			items: [{ conversationId: id }],
		});

		expect(execution.status).toBe('error');
		const [run] = execution.nodes[GET];
		expect(run.error?.message).toMatch(/no response .* within 1000 ms/i);
		expect(await standInRequests(`/v1/public/conversations/${id}`)).toHaveLength(2);
	});

	it('gives up on a 500 after Max Attempts', async () => {
		const id = `server-error-${randomUUID()}`;
		const execution = await runWorkflow('eigi-get-two-attempts', {
			items: [{ conversationId: id }],
		});

		expect(execution.status).toBe('error');
		const error = execution.nodes[GET][0].error;
		expect(error?.message).toBe('The eigi API returned HTTP 500: Internal Server Error');
		expect(error?.description).toContain('Tried 2 times');
		expect(await standInRequests(`/v1/public/conversations/${id}`)).toHaveLength(2);
	});

	it('stops on 404 with an actionable message', async () => {
		const id = `missing-${randomUUID()}`;
		const execution = await runWorkflow('eigi-get-stop', { items: [{ conversationId: id }] });

		expect(execution.status).toBe('error');
		const error = execution.nodes[GET][0].error;
		expect(error?.message).toBe('The eigi API returned HTTP 404: Conversation not found');
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toContain(`No conversation with ID "${id}"`);
		expect(error?.description).toContain('90 days');
		expect(await standInRequests(`/v1/public/conversations/${id}`)).toHaveLength(1);
	});

	it('reports a key without access as 403', async () => {
		const execution = await runWorkflow('eigi-get-forbidden-key', {
			items: [{ conversationId: randomUUID() }],
		});

		expect(execution.status).toBe('error');
		const error = execution.nodes[GET][0].error;
		expect(error?.httpCode).toBe('403');
		expect(error?.description).toContain('quota');
		expect(JSON.stringify(execution)).not.toContain('vk_forbidden_e2e');
	});

	it('reports a rejected API key without showing it', async () => {
		const execution = await runWorkflow('eigi-get-invalid-key', {
			items: [{ conversationId: randomUUID() }],
		});

		expect(execution.status).toBe('error');
		const error = execution.nodes[GET][0].error;
		expect(error?.httpCode).toBe('401');
		expect(`${error?.message} ${error?.description}`).toMatch(/API key/i);
		expect(error?.description).toContain('Eigi API credential');
		expect(JSON.stringify(execution)).not.toContain('vk_invalid_e2e');
	});

	it('continues on fail with one error item per failing input', async () => {
		const ids = [randomUUID(), `missing-${randomUUID()}`, randomUUID(), `missing-${randomUUID()}`];
		const execution = await runWorkflow('eigi-get-continue', {
			items: ids.map((conversationId) => ({ conversationId })),
		});

		expect(execution.status).toBe('success');
		const items = itemsOf(execution, GET);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(items[0].json.conversation_id).toBe(ids[0]);
		expect(items[2].json.conversation_id).toBe(ids[2]);
		for (const index of [1, 3]) {
			expect(items[index].json.error).toMatch(/not found/i);
			expect(items[index].json.details).toMatchObject({ httpCode: '404' });
		}
		expect(JSON.stringify(execution)).not.toContain(e2eRun().apiKey);
	});
});

describe('Eigi node Get Many Conversations in n8n', () => {
	const FILTERS = {
		agent_id: '68ea2517dbb84c09bae1ba0b',
		conversation_status: 'FAILED',
		conversation_type: 'TELEPHONY',
		calling_type: 'OUTBOUND',
		from_date: '2025-12-05T00:00:00Z',
		to_date: '2025-12-25T00:00:00Z',
		search: '+1415555',
	};

	async function listRequests() {
		const requests = await standInRequests('/v1/public/conversations');
		return requests.filter((request) => request.path === '/v1/public/conversations');
	}

	it('walks every page, honours the limit and sends the filters', async () => {
		await clearStandInRequests();
		const execution = await runWorkflow('eigi-get-many', {});
		expect(execution.status).toBe('success');

		const all = itemsOf(execution, 'Get All Conversations');
		expect(all).toHaveLength(250);
		expect(new Set(all.map((item) => item.json.conversation_id)).size).toBe(250);
		expect(itemsOf(execution, 'Get 30 Conversations')).toHaveLength(30);
		expect(itemsOf(execution, 'Get 150 Conversations')).toHaveLength(150);

		const query = new URLSearchParams({ ...FILTERS, page_size: '100' });
		const expected = (await (await fromStandIn(`/v1/public/conversations?${query}`)).json()) as {
			data: Array<{ conversation_id: string }>;
		};
		expect(expected.data.length).toBeGreaterThan(0);
		const filtered = itemsOf(execution, 'Get Filtered Conversations');
		expect(filtered.map((item) => item.json.conversation_id)).toEqual(
			expected.data.map((conversation) => conversation.conversation_id),
		);

		const [badDate] = itemsOf(execution, 'Get With Bad Date');
		expect(badDate.json.error).toBe('Filter Created After is "not a date", which is not a date');

		const requests = await listRequests();
		const unfiltered = requests.filter((request) => request.query.agent_id === undefined);
		expect(
			unfiltered.map((request) => `${request.query.page}/${request.query.page_size}`).sort(),
		).toEqual(['1/100', '2/100', '3/100', '1/30', '1/100', '2/100'].sort());
		expect(unfiltered.every((request) => request.query.from_date === undefined)).toBe(true);
		const withFilters = requests.filter((request) => request.query.agent_id !== undefined);
		expect(withFilters.length).toBeGreaterThan(0);
		for (const request of withFilters) expect(request.query).toMatchObject(FILTERS);
	});

	it('reads pagination nested under "pagination"', async () => {
		await setStandInConfig({ listPagination: 'nested' });
		try {
			await clearStandInRequests();
			const execution = await runWorkflow('eigi-get-many', {});

			expect(itemsOf(execution, 'Get All Conversations')).toHaveLength(250);
			const pages = (await listRequests()).filter(
				(request) => request.query.agent_id === undefined && request.query.page_size === '100',
			);
			expect(pages.map((request) => request.query.page).sort()).toEqual(['1', '1', '2', '2', '3']);
		} finally {
			await setStandInConfig({ listPagination: 'top' });
		}
	});
});

describe('Eigi node Get Transcript in n8n', () => {
	it('returns the turns as items or as one text', async () => {
		const id = randomUUID();
		const execution = await runWorkflow('eigi-get-transcript', { items: [{ conversationId: id }] });
		const conversation = (await (await fromStandIn(`/v1/public/conversations/${id}`)).json()) as {
			conversation_transcript: Array<{ role: string; content: string }>;
		};

		const turns = itemsOf(execution, 'Transcript Turns').map((item) => item.json);
		expect(turns).toHaveLength(conversation.conversation_transcript.length);
		expect(turns[0]).toMatchObject({
			conversation_id: id,
			turn_index: 0,
			...conversation.conversation_transcript[0],
		});
		const [text] = itemsOf(execution, 'Transcript Text').map((item) => item.json);
		expect(text.transcript).toBe(
			conversation.conversation_transcript
				.map((turn) => `${turn.role}: ${turn.content}`)
				.join('\n'),
		);
	});
});

describe('Eigi node Download Recording in n8n', () => {
	it('reports a conversation without a recording', async () => {
		const id = randomUUID();
		await registerConversation(id, { conversation_metadata: { conversation_recording_url: null } });
		const execution = await runWorkflow('eigi-download-recording', {
			items: [{ conversationId: id }],
		});

		const [item] = itemsOf(execution, 'Download Recording');
		expect(item.json.error).toBe(`Conversation "${id}" has no recording yet`);
		expect(await standInRequests(`/recordings/${id}.mp3`)).toHaveLength(0);
	});

	it('stores the recording as binary data, fetched without the API key', async () => {
		const id = randomUUID();
		const execution = await runWorkflow('eigi-download-recording', {
			items: [{ conversationId: id }, { conversationId: `missing-${id}` }],
		});

		const [recording, failed] = itemsOf(execution, 'Download Recording');
		expect(recording.binary.audio.mimeType).toBe('audio/mpeg');
		expect(recording.binary.audio.fileName).toBe(`${id}.mp3`);
		expect(recording.json).toEqual({
			conversation_id: id,
			recording_url: `${e2eRun().standInUrl}/recordings/${id}.mp3`,
		});
		const expected = Buffer.from(
			await (await fromStandIn(`/recordings/${id}.mp3`, null)).arrayBuffer(),
		);
		expect(binaryBytes(recording.binary.audio).equals(expected)).toBe(true);
		expect(failed.json.error).toMatch(/not found/i);

		const downloads = await standInRequests(`/recordings/${id}.mp3`);
		expect(downloads.length).toBeGreaterThanOrEqual(1);
		expect(downloads.every((request) => request.headers['x-api-key'] === undefined)).toBe(true);
	});
});
