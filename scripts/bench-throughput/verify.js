// Checks, from the executions n8n stored, that every delivery a side accepted in a run started
// exactly one successful execution, and that the run started no other execution.
const { readExecutions } = require('../../test/e2e/support/executions');

const ID_PATTERN = /[0-9a-f]{8}-be4c-4000-8000-\d{12}/;

/** Returns the conversation id in the trigger's output item, wherever the trigger put it. */
function deliveryIdOf(execution, triggerName) {
	const item = execution.nodes[triggerName]?.[0]?.outputs?.[0]?.[0];
	const match = item ? ID_PATTERN.exec(JSON.stringify(item.json)) : null;
	return match ? match[0] : null;
}

/**
 * Reads the side's executions after `afterId` and compares them with `sentIds`. Returns the list
 * of problems, empty when each id has exactly one successful execution.
 */
async function verifyExecutions(instance, side, { afterId, sentIds }) {
	const executions = await readExecutions(instance.run, side.workflowId, afterId);
	const seen = new Map();
	const problems = [];
	for (const execution of executions) {
		const id = deliveryIdOf(execution, side.triggerName);
		seen.set(id, (seen.get(id) ?? 0) + 1);
		if (execution.status !== 'success')
			problems.push(
				`${side.label}: execution ${execution.id} (${id}) ended with status ${execution.status}`,
			);
	}

	const sent = new Set(sentIds);
	const missing = sentIds.filter((id) => !seen.has(id));
	const repeated = [...seen]
		.filter(([, count]) => count > 1)
		.map(([id, count]) => `${id} ×${count}`);
	const unknown = [...seen.keys()].filter((id) => !sent.has(id));
	if (missing.length > 0)
		problems.push(
			`${side.label}: ${missing.length} deliveries have no execution (first: ${missing[0]})`,
		);
	if (repeated.length > 0)
		problems.push(
			`${side.label}: ${repeated.length} deliveries have more than one execution (${repeated.slice(0, 3).join(', ')})`,
		);
	if (unknown.length > 0)
		problems.push(
			`${side.label}: ${unknown.length} executions match no delivery of this run (first: ${unknown[0]})`,
		);
	return { executions: executions.length, problems };
}

module.exports = { verifyExecutions };
