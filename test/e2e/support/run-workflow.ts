import type { IDataObject } from 'n8n-workflow';

import { lastExecutionId, sendDelivery, waitForExecutions, workflow } from './harness';
import type { Execution } from './harness';

/**
 * Starts a workflow whose trigger is n8n's Webhook node by posting `body` to it as JSON, and
 * returns the one execution that started. Workflows with a "Split Out Items" node turn
 * `body.items` into one item each.
 */
export async function runWorkflow(key: string, body: IDataObject): Promise<Execution> {
	const flow = workflow(key);
	const afterId = await lastExecutionId(flow.id);
	const response = await sendDelivery(flow.webhookUrl, { method: 'POST', format: 'json', body });
	expect(response.status).toBe(200);

	const executions = await waitForExecutions(flow.id, { afterId, count: 1, timeoutMs: 150_000 });
	expect(executions).toHaveLength(1);
	return executions[0];
}

/** Returns the items of a node's first run, first output. */
export function itemsOf(execution: Execution, nodeName: string) {
	const runs = execution.nodes[nodeName];
	if (!runs)
		throw new Error(
			`Node "${nodeName}" did not run (ran: ${Object.keys(execution.nodes).join(', ')}).`,
		);
	return runs[0].outputs[0] ?? [];
}
