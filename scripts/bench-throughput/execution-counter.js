// Counts a workflow's executions while n8n runs, through one Node 24 child process that keeps
// n8n's SQLite database open (see execution-counter-child.js).
const { spawn } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');

const POLL_MS = 100;

/** Starts the child and returns `{ count(workflowId, afterId), waitForFinished(...), close() }`. */
function startExecutionCounter(nodeBin, databasePath) {
	const child = spawn(nodeBin, [path.join(__dirname, 'execution-counter-child.js'), databasePath], {
		stdio: ['pipe', 'pipe', 'inherit'],
	});
	const pending = [];
	readline
		.createInterface({ input: child.stdout })
		.on('line', (line) => pending.shift()?.resolve(JSON.parse(line)));
	child.on('exit', (code) => {
		for (const waiter of pending.splice(0))
			waiter.reject(new Error(`The execution counter exited with code ${code}.`));
	});

	async function count(workflowId, afterId) {
		const answer = await new Promise((resolve, reject) => {
			pending.push({ resolve, reject });
			child.stdin.write(`${JSON.stringify({ workflowId, afterId })}\n`);
		});
		if (answer.error)
			throw new Error(`Counting executions in ${databasePath} failed: ${answer.error}`);
		return answer;
	}

	return {
		count,
		waitForFinished: (options) => waitForFinished(count, options),
		close: () => child.kill(),
	};
}

/**
 * Polls until `expected` executions of the workflow after `afterId` have finished, or until no
 * execution was added or finished for `idleMs`. Returns the last count for the caller to check.
 */
async function waitForFinished(
	count,
	{ workflowId, afterId, expected, pollMs = POLL_MS, idleMs = 15_000, timeoutMs = 300_000 },
) {
	const startedAt = Date.now();
	let last = await count(workflowId, afterId);
	let lastChangeAt = Date.now();
	while (last.finished < expected || last.total > last.finished) {
		if (Date.now() - lastChangeAt > idleMs || Date.now() - startedAt > timeoutMs) return last;
		await new Promise((resolve) => setTimeout(resolve, pollMs));
		const next = await count(workflowId, afterId);
		if (next.total !== last.total || next.finished !== last.finished) lastChangeAt = Date.now();
		last = next;
	}
	return last;
}

module.exports = { startExecutionCounter };
