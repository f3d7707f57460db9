import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { loadedNodeTypes, standInOutboundCalls, standInRequests } from './support/harness';
import { itemsOf, runWorkflow } from './support/run-workflow';

describe('Eigi node Start Outbound Call in n8n', () => {
	it('starts calls to E.164 numbers and rejects a bad number by name', async () => {
		const agentId = `agent-${randomUUID()}`;
		const execution = await runWorkflow('eigi-start-outbound', {
			items: [
				{ agentId, numbers: ['+14155550123', '+44 20 7946 0958'], metadata: { crm_id: 7 } },
				{ agentId, numbers: ['+14155550123', '12345'], metadata: {} },
			],
		});

		const [started, rejected] = itemsOf(execution, 'Start Outbound Call');
		expect(started.json).toMatchObject({
			status: 'success',
			agent_id: agentId,
			call_count: 2,
			mobile_numbers: ['+14155550123', '+442079460958'],
		});
		expect(started.pairedItem).toEqual({ item: 0 });
		expect(rejected.json.error).toContain('12345');
		expect(rejected.pairedItem).toEqual({ item: 1 });

		const calls = (await standInOutboundCalls()).filter((call) => call.agent_id === agentId);
		expect(calls).toEqual([
			{ agent_id: agentId, mobile_number: '+14155550123', metadata: { crm_id: 7 } },
			{ agent_id: agentId, mobile_number: '+442079460958', metadata: {} },
		]);
		const [request] = (await standInRequests('/v1/public/calls/outbound')).filter(
			(entry) => (entry.body as { agent_id?: string }).agent_id === agentId,
		);
		expect(request.body).toMatchObject({ telephony_provider: 'TWILIO', is_test_call: true });
	});
});

describe('Eigi node Start Outbound Call errors in n8n', () => {
	it('repeats a 429, never a 500, and reports a 403 quota', async () => {
		const suffix = randomUUID();
		const agents = [
			`server-error-${suffix}`,
			`rate-limit-seconds-${suffix}`,
			`quota-exceeded-${suffix}`,
		];
		const execution = await runWorkflow('eigi-start-outbound', {
			items: agents.map((agentId) => ({
				agentId,
				numbers: ['+14155550123', '+14155550124'],
				metadata: {},
			})),
		});
		const requests = await standInRequests('/v1/public/calls/outbound');
		const sentFor = (agentId: string) =>
			requests.filter((entry) => (entry.body as { agent_id?: string }).agent_id === agentId);

		const [serverError, rateLimited, quota] = itemsOf(execution, 'Start Outbound Call');
		expect(serverError.json.error).toBe('The eigi API returned HTTP 500: Internal Server Error');
		expect((serverError.json.details as IDataObject).description).toContain(
			'eigi may already have started some calls',
		);
		expect(sentFor(agents[0])).toHaveLength(1);

		expect(rateLimited.json).toMatchObject({
			status: 'success',
			agent_id: agents[1],
			call_count: 2,
		});
		expect(sentFor(agents[1]).map((entry) => entry.status)).toEqual([429, 200]);

		expect(quota.json.error).toBe(
			'The eigi API returned HTTP 403: Outbound call quota exceeded for this plan',
		);
		expect(quota.json.details).toMatchObject({ httpCode: '403' });
	});
});

describe('Eigi node Send Message in n8n', () => {
	it('sends a message of 4,000 emoji', async () => {
		const agentId = `agent-${randomUUID()}`;
		const message = '😀'.repeat(4000);
		const execution = await runWorkflow('eigi-send-chat', { items: [{ agentId, message }] });

		const [reply] = itemsOf(execution, 'Send Message');
		expect(reply.json.error).toBeUndefined();
		expect(reply.json.response).toBe(`Turn 1: you said "${message}".`);
		const [request] = (await standInRequests('/v1/public/chat')).filter(
			(entry) => (entry.body as { agent_id?: string }).agent_id === agentId,
		);
		expect((request.body as { message: string }).message).toBe(message);
	});

	it('sends non-streaming messages and keeps the session', async () => {
		const agentId = `agent-${randomUUID()}`;
		const sessionId = `session-${randomUUID()}`;
		const execution = await runWorkflow('eigi-send-chat', {
			items: [
				{ agentId, message: 'Hello 👋', sessionId },
				{ agentId, message: 'Is Tuesday free?', sessionId },
				{ agentId, message: 'x'.repeat(4001), sessionId },
			],
		});

		const [first, second, tooLong] = itemsOf(execution, 'Send Message');
		// Messages of one session go out in item order, even though items run concurrently.
		expect(first.json.response).toBe('Turn 1: you said "Hello 👋".');
		expect(second.json.response).toBe('Turn 2: you said "Is Tuesday free?".');
		expect(first.json.session_id).toBe(sessionId);
		expect(second.json.session_id).toBe(sessionId);
		expect(tooLong.json.error).toMatch(/4001/);

		const requests = (await standInRequests('/v1/public/chat')).filter(
			(entry) => (entry.body as { agent_id?: string }).agent_id === agentId,
		);
		expect(requests).toHaveLength(2);
		expect(requests[0].body).toMatchObject({
			message: 'Hello 👋',
			session_id: sessionId,
			streaming: false,
		});
	});
});

describe('package nodes loaded by n8n', () => {
	it('includes the trigger, the node and its AI tool variant', () => {
		const types = loadedNodeTypes('n8n-nodes-eigi.');
		const names = types.map((type) => type.name).sort();
		expect(names).toEqual([
			'n8n-nodes-eigi.eigi',
			'n8n-nodes-eigi.eigiTool',
			'n8n-nodes-eigi.eigiTrigger',
		]);

		const tool = types.find((type) => type.name === 'n8n-nodes-eigi.eigiTool');
		const propertyNames = (tool?.properties as Array<{ name: string }>).map(
			(property) => property.name,
		);
		expect(propertyNames).toEqual(
			expect.arrayContaining(['resource', 'operation', 'conversationId']),
		);
	});
});
