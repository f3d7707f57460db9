// Runs the stand-in of eigi's API (test/support/eigi-stand-in.js) as a child process. Its work
// then stays off the benchmark's event loop, as eigi's servers would. Response statuses are
// counted from the line the stand-in prints per request ("… -> 429").
const { spawn } = require('node:child_process');
const net = require('node:net');
const path = require('node:path');

const STAND_IN = path.join(__dirname, '..', '..', 'test', 'support', 'eigi-stand-in.js');
const START_TIMEOUT_MS = 10_000;

async function freePort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

function countStatuses(child, statuses) {
	let pending = '';
	child.stdout.on('data', (chunk) => {
		pending += chunk;
		const lines = pending.split('\n');
		pending = lines.pop();
		for (const line of lines) {
			const match = / -> (\d{3})$/.exec(line);
			if (match) statuses[match[1]] = (statuses[match[1]] ?? 0) + 1;
		}
	});
}

function waitUntilListening(child) {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`the stand-in did not start within ${START_TIMEOUT_MS} ms`)),
			START_TIMEOUT_MS,
		);
		child.once('exit', (code) => reject(new Error(`the stand-in exited with code ${code}`)));
		child.stdout.on('data', (chunk) => {
			if (String(chunk).includes('listening on')) {
				clearTimeout(timer);
				resolve();
			}
		});
	});
}

/**
 * Starts the stand-in on a free port of 127.0.0.1 with `latencyMs` per response and
 * `rateLimitPerMinute` per key (0 = none). Returns `{ url, statuses, close() }`, where `statuses`
 * counts responses by HTTP status as they are sent.
 */
async function startStandInProcess({ latencyMs, rateLimitPerMinute = 0 }) {
	const port = await freePort();
	const args = [
		STAND_IN,
		'--port',
		port,
		'--latency-ms',
		latencyMs,
		'--rate-limit',
		rateLimitPerMinute,
	];
	const child = spawn(process.execPath, args.map(String), { stdio: ['ignore', 'pipe', 'inherit'] });
	const statuses = {};
	countStatuses(child, statuses);
	await waitUntilListening(child);

	return {
		url: `http://127.0.0.1:${port}`,
		statuses,
		close: () =>
			new Promise((resolve) => {
				child.removeAllListeners('exit');
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

module.exports = { startStandInProcess };
