import { startStandIn } from '../../support/eigi-stand-in';
import type { StandIn } from '../../support/eigi-stand-in';

const KEY = 'vk_unit_test';

let standIn: StandIn;

beforeAll(async () => {
	standIn = await startStandIn();
});

afterAll(async () => {
	await standIn.close();
});

beforeEach(() => {
	standIn.reset();
});

async function call(
	path: string,
	init: { method?: string; key?: string | null; body?: unknown } = {},
) {
	const { method = 'GET', key = KEY, body } = init;
	const headers: Record<string, string> = {};
	if (key !== null) headers['X-API-Key'] = key;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${standIn.url}${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json: unknown = null;
	try {
		json = JSON.parse(text);
	} catch {
		json = null;
	}
	return {
		status: response.status,
		headers: response.headers,
		text,
		json: json as Record<string, unknown>,
	};
}

describe('eigi API stand-in', () => {
	it('listens on 127.0.0.1 only', () => {
		expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it.each([
		[null, 401],
		['not_a_vk_key', 401],
		['vk_invalid_key', 401],
		['vk_forbidden_key', 403],
		[KEY, 200],
	])('key %s gets %i', async (key, status) => {
		expect((await call('/v1/public/conversations/abc', { key })).status).toBe(status);
	});

	it('returns a conversation with call fields under conversation_metadata', async () => {
		const { json } = await call('/v1/public/conversations/abc');
		const metadata = json.conversation_metadata as Record<string, unknown>;

		expect(json.conversation_id).toBe('abc');
		expect(json.conversation_type).toBe('TELEPHONY');
		expect(metadata.conversation_recording_url).toBe(`${standIn.url}/recordings/abc.mp3`);
		expect(json.created_at).not.toMatch(/Z|\+/);
	});

	it.each([
		['rate-limit-seconds-1', [429, 200]],
		['flaky-1', [500, 200]],
		['server-error-1', [500, 500]],
		['missing-1', [404, 404]],
	])('%s answers %j on two attempts', async (id, statuses) => {
		const first = await call(`/v1/public/conversations/${id}`);
		const second = await call(`/v1/public/conversations/${id}`);
		expect([first.status, second.status]).toEqual(statuses);
	});

	it('sends Retry-After in seconds and as an HTTP date', async () => {
		const seconds = await call('/v1/public/conversations/rate-limit-seconds-2');
		const date = await call('/v1/public/conversations/rate-limit-date-2');

		expect(seconds.headers.get('retry-after')).toBe('1');
		const retryAt = Date.parse(String(date.headers.get('retry-after')));
		expect(retryAt - Date.now()).toBeGreaterThan(1000);
	});

	it('fills the analysis from the third GET of pending-analysis-*', async () => {
		const analyses = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			analyses.push(
				(await call('/v1/public/conversations/pending-analysis-1')).json.conversation_analysis,
			);
		}
		expect(analyses[0]).toBeNull();
		expect(analyses[1]).toBeNull();
		expect(analyses[2]).toEqual([expect.objectContaining({ is_good: true })]);
	});

	it('limits each key per minute with 429 and Retry-After', async () => {
		const statuses = [];
		for (let attempt = 0; attempt < 3; attempt++) {
			statuses.push((await call('/v1/public/conversations/x', { key: 'vk_limit_2_a' })).status);
		}
		const otherKey = await call('/v1/public/conversations/x', { key: 'vk_limit_2_b' });
		const limited = await call('/v1/public/conversations/x', { key: 'vk_limit_2_a' });

		expect(statuses).toEqual([200, 200, 429]);
		expect(otherKey.status).toBe(200);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
	});

	it('pages through 250 conversations and filters them', async () => {
		const pages = [];
		for (let page = 1; page <= 3; page++) {
			pages.push((await call(`/v1/public/conversations?page=${page}&page_size=100`)).json);
		}
		const failedChats = await call(
			'/v1/public/conversations?conversation_status=failed&conversation_type=CHAT',
		);

		expect(pages.map((page) => (page.data as unknown[]).length)).toEqual([100, 100, 50]);
		expect(pages[0]).toMatchObject({ total: 250, page: 1, page_size: 100, total_pages: 3 });
		const statuses = (failedChats.json.data as Array<Record<string, unknown>>).map(
			(item) => `${item.conversation_status} ${item.conversation_type}`,
		);
		expect(new Set(statuses)).toEqual(new Set(['FAILED CHAT']));
	});

	it('rejects a page_size over 100 with a FastAPI 422', async () => {
		const { status, json } = await call('/v1/public/conversations?page_size=101');
		expect(status).toBe(422);
		expect(json.detail).toEqual([expect.objectContaining({ loc: ['query', 'page_size'] })]);
	});

	it('starts outbound calls to E.164 numbers only', async () => {
		const good = await call('/v1/public/calls/outbound', {
			method: 'POST',
			body: { agent_id: 'a', params: [{ mobile_number: '+14155550123', metadata: { x: 1 } }] },
		});
		const bad = await call('/v1/public/calls/outbound', {
			method: 'POST',
			body: { agent_id: 'a', params: [{ mobile_number: '4155550123' }] },
		});

		expect(good.json).toEqual({
			status: 'success',
			message: 'Outbound calls initiated successfully',
		});
		expect(standIn.outboundCalls).toEqual([
			{ agent_id: 'a', mobile_number: '+14155550123', metadata: { x: 1 } },
		]);
		expect(bad.status).toBe(400);
		expect(bad.json.detail).toContain("'4155550123'");
	});

	it('answers chat with JSON only when streaming is false', async () => {
		const json = await call('/v1/public/chat', {
			method: 'POST',
			body: { agent_id: 'a', message: 'hi', session_id: 's1', streaming: false },
		});
		const streamed = await call('/v1/public/chat', {
			method: 'POST',
			body: { agent_id: 'a', message: 'hi' },
		});

		expect(json.json).toEqual({ response: 'Turn 1: you said "hi".', session_id: 's1' });
		expect(streamed.headers.get('content-type')).toBe('text/event-stream');
	});

	it('counts chat message length in code points, as Python does', async () => {
		const send = (message: string) =>
			call('/v1/public/chat', {
				method: 'POST',
				body: { agent_id: 'a', message, streaming: false },
			});

		expect((await send('😀'.repeat(4000))).status).toBe(200);
		expect((await send('😀'.repeat(4001))).status).toBe(422);
		expect((await send('')).status).toBe(422);
	});

	it('serves recordings without a key and rejects one', async () => {
		const plain = await fetch(`${standIn.url}/recordings/abc.mp3`);
		const withKey = await call('/recordings/abc.mp3');

		expect(plain.status).toBe(200);
		expect(plain.headers.get('content-type')).toBe('audio/mpeg');
		expect(
			Buffer.from(await plain.arrayBuffer())
				.subarray(0, 3)
				.toString(),
		).toBe('ID3');
		expect(withKey.status).toBe(400);
	});

	it('records each request with its headers and body', async () => {
		await call('/v1/public/chat', {
			method: 'POST',
			body: { agent_id: 'a', message: 'hi', streaming: false },
		});

		expect(standIn.requests).toHaveLength(1);
		expect(standIn.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/public/chat',
			body: { agent_id: 'a', message: 'hi', streaming: false },
		});
		expect(standIn.requests[0].headers['x-api-key']).toBe(KEY);
	});
});
