// Reads a workflow's executions from n8n's SQLite database through read-executions.js, which needs
// Node 24's node:sqlite; the tests themselves run on the machine's Node.
const { execFile } = require('node:child_process');
const path = require('node:path');

const FINAL_STATUSES = ['success', 'error', 'crashed', 'canceled'];
const POLL_MS = 250;

function readExecutions(run, workflowId, afterId = 0) {
	const script = path.join(__dirname, 'read-executions.js');
	return new Promise((resolve, reject) => {
		execFile(
			run.nodeBin,
			[script, run.databasePath, run.flattedPath, workflowId, String(afterId)],
			{ maxBuffer: 256 * 1024 * 1024, timeout: 60_000 },
			(error, stdout, stderr) => {
				if (error)
					reject(
						new Error(`Reading executions of ${workflowId} failed: ${error.message}\n${stderr}`),
					);
				else resolve(JSON.parse(stdout));
			},
		);
	});
}

/** Returns the id of the newest execution of the workflow, or 0 when it has none. */
async function lastExecutionId(run, workflowId) {
	const executions = await readExecutions(run, workflowId);
	return executions.length === 0 ? 0 : executions[executions.length - 1].id;
}

/**
 * Waits until the workflow has at least `count` finished executions newer than `afterId` and
 * returns all of them. It polls, because n8n responds to a delivery before its execution ends.
 */
async function waitForExecutions(run, workflowId, { afterId, count, timeoutMs = 60_000 }) {
	const startedAt = Date.now();
	let executions = [];
	while (Date.now() - startedAt < timeoutMs) {
		executions = await readExecutions(run, workflowId, afterId);
		const finished = executions.filter((execution) => FINAL_STATUSES.includes(execution.status));
		if (finished.length >= count && finished.length === executions.length) return executions;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	const seen =
		executions.map((execution) => `${execution.id}:${execution.status}`).join(', ') || 'none';
	throw new Error(
		`Workflow ${workflowId} has not finished ${count} executions after #${afterId} within ${timeoutMs / 1000} s (seen: ${seen}). n8n log: ${run.logPath}`,
	);
}

module.exports = { lastExecutionId, readExecutions, waitForExecutions };
