import type { INodeExecutionData } from 'n8n-workflow';

import { EigiTrigger } from '../../../nodes/EigiTrigger/EigiTrigger.node';
import { samplePayload } from './deliveries';
import { runExecute } from './engineRun';
import { multipartDelivery, multipartEvent } from './requests';
import { callWebhook } from './webhookHarness';

async function webhookItems(
	event: string,
	conversationId: string,
): Promise<INodeExecutionData[][]> {
	const built = multipartEvent(
		'POST',
		event,
		samplePayload({ event, conversation_id: conversationId }),
	);
	const outcome = await callWebhook(built.request, {}, built.fileContents);
	if (!outcome.result.workflowData)
		throw new Error(`delivery was not accepted: ${JSON.stringify(outcome.body)}`);
	return outcome.result.workflowData;
}

describe('execute() outputs', () => {
	it('emits every event on one output by default', async () => {
		const run = await runExecute(await webhookItems('conversation.failed', 'c-1'));

		expect(run.error).toBeUndefined();
		expect(run.outputs).toHaveLength(1);
		expect(run.outputs[0].map((item) => item.json.event)).toEqual(['conversation.failed']);
	});

	it.each([
		['conversation.completed', 0],
		['conversation.disconnected', 1],
		['conversation.failed', 2],
	])('routes %s to output %i with Output per Event', async (event, index) => {
		const run = await runExecute(await webhookItems(event, `c-${index}`), {
			parameters: { outputPerEvent: true },
		});

		expect(run.outputs).toHaveLength(3);
		expect(run.outputs.map((items) => items.length)).toEqual(
			[0, 1, 2].map((i) => (i === index ? 1 : 0)),
		);
		expect(run.outputs[index][0].json).toMatchObject({ event, conversation_id: `c-${index}` });
	});

	it('routes several items of one run by their events', async () => {
		const items = [
			...(await webhookItems('conversation.failed', 'f-1'))[0],
			...(await webhookItems('conversation.completed', 'c-1'))[0],
			...(await webhookItems('conversation.failed', 'f-2'))[0],
		];
		const run = await runExecute([items], { parameters: { outputPerEvent: true } });

		expect(run.outputs.map((output) => output.map((item) => item.json.conversation_id))).toEqual([
			['c-1'],
			[],
			['f-1', 'f-2'],
		]);
		expect(run.outputs[2].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 2 }]);
	});

	it('pairs each emitted item with its input item', async () => {
		const run = await runExecute(await webhookItems('conversation.completed', 'c-9'));

		expect(run.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('keeps deduplication_key on every item', async () => {
		const run = await runExecute(await webhookItems('conversation.disconnected', 'c-7'), {
			parameters: { outputPerEvent: true },
		});

		expect(run.outputs[1][0].json.deduplication_key).toBe('conversation.disconnected:c-7');
	});

	it('passes the stored payload file on as binary', async () => {
		const built = multipartDelivery('POST', [['event', 'conversation.completed']], {
			payload: { content: JSON.stringify(samplePayload()) },
		});
		const outcome = await callWebhook(built.request, {}, built.fileContents);
		const run = await runExecute(outcome.result.workflowData);

		expect(run.outputs[0][0].binary?.payload).toMatchObject({ mimeType: 'application/json' });
	});
});

describe('outputs expression', () => {
	const { outputs } = new EigiTrigger().description;

	it('names three outputs when outputPerEvent is on', () => {
		expect(typeof outputs).toBe('string');
		const expression = String(outputs);
		expect(expression.startsWith('={{')).toBe(true);
		for (const name of ['Completed', 'Disconnected', 'Failed'])
			expect(expression).toContain(`"${name}"`);
		expect(expression).toContain('$parameter.outputPerEvent');
	});
});
