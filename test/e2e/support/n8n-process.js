// Runs n8n's CLI and server under the Node 24 runtime with a user folder of its own, listening on
// 127.0.0.1 only, and stops the server and its task runner together.
const { execFile, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const CLI_TIMEOUT_MS = 180_000;
const READINESS_TIMEOUT_MS = 180_000;
const STOP_GRACE_MS = 20_000;

/** Returns the environment of an n8n that uses SQLite in `userFolder` and only loopback ports. */
function n8nEnvironment({ userFolder, port, brokerPort, encryptionKey, extra = {} }) {
	const baseUrl = `http://127.0.0.1:${port}/`;
	return {
		PATH: process.env.PATH,
		HOME: userFolder,
		TZ: 'UTC',
		GENERIC_TIMEZONE: 'UTC',
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: baseUrl,
		N8N_EDITOR_BASE_URL: baseUrl,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_TYPE: 'sqlite',
		N8N_SECURE_COOKIE: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		// Without this, n8n 2.41.1 logs "getaddrinfo ENOTFOUND api.n8n.io" stack traces at start.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'info',
		...extra,
	};
}

/** Runs `n8n <args…>` to completion, appending its output to `logPath`; rejects on failure. */
function runCli(installed, env, args, logPath) {
	return new Promise((resolve, reject) => {
		execFile(
			installed.nodeBin,
			[installed.n8nMain, ...args],
			{ env, timeout: CLI_TIMEOUT_MS, maxBuffer: 32 * 1024 * 1024 },
			(error, stdout, stderr) => {
				fs.appendFileSync(logPath, `$ n8n ${args.join(' ')}\n${stdout}${stderr}\n`);
				// n8n's import commands log this line and may still exit with 0.
				const failed = error || /An error occurred/.test(stdout + stderr);
				if (failed) {
					reject(
						new Error(
							`"n8n ${args.join(' ')}" failed (${error?.message ?? 'error in output'}). Log: ${logPath}\n${tail(logPath)}`,
						),
					);
				} else {
					resolve(stdout);
				}
			},
		);
	});
}

/** Returns the last `lines` lines of a log file, for error messages. */
function tail(logPath, lines = 40) {
	if (!fs.existsSync(logPath)) return '';
	return fs.readFileSync(logPath, 'utf8').split('\n').slice(-lines).join('\n');
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Starts `n8n start` in its own process group (so the task runner stops with it) and waits until
 * /healthz/readiness returns 200, which n8n sends only once the database is migrated.
 */
async function startServer(installed, env, logPath) {
	const log = fs.openSync(logPath, 'a');
	const child = spawn(installed.nodeBin, [installed.n8nMain, 'start'], {
		env,
		detached: true,
		stdio: ['ignore', log, log],
	});
	fs.closeSync(log);

	const server = {
		pid: child.pid,
		exited: false,
		baseUrl: env.N8N_EDITOR_BASE_URL.replace(/\/$/, ''),
	};
	child.on('exit', (code, signal) =>
		Object.assign(server, { exited: true, exitCode: code, exitSignal: signal }),
	);
	const cleanup = stopWithParent(server);
	server.stop = () => stopServer(server, cleanup);

	const startedAt = Date.now();
	while (Date.now() - startedAt < READINESS_TIMEOUT_MS) {
		if (server.exited) {
			throw new Error(
				`n8n exited during start (code ${server.exitCode}, signal ${server.exitSignal}). Log: ${logPath}\n${tail(logPath)}`,
			);
		}
		const status = await fetch(`${server.baseUrl}/healthz/readiness`).then(
			(response) => response.status,
			() => 0,
		);
		if (status === 200) {
			server.readyAfterMs = Date.now() - startedAt;
			return server;
		}
		await delay(250);
	}
	await server.stop();
	throw new Error(
		`n8n was not ready after ${READINESS_TIMEOUT_MS / 1000} s. Log: ${logPath}\n${tail(logPath)}`,
	);
}

/**
 * Kills n8n's process group when this process exits or is stopped by SIGINT or SIGTERM, which
 * would otherwise leave the detached n8n running. Returns a function that removes the handlers.
 */
function stopWithParent(server) {
	const killOnExit = () => signalGroup(server, 'SIGKILL');
	const killAndStop = (signal) => {
		killOnExit();
		removeHandlers();
		process.kill(process.pid, signal);
	};
	function removeHandlers() {
		process.removeListener('exit', killOnExit);
		process.removeListener('SIGINT', killAndStop);
		process.removeListener('SIGTERM', killAndStop);
	}

	process.once('exit', killOnExit);
	process.once('SIGINT', killAndStop);
	process.once('SIGTERM', killAndStop);
	return removeHandlers;
}

function signalGroup(server, signal) {
	try {
		process.kill(-server.pid, signal);
	} catch (error) {
		if (error.code !== 'ESRCH') throw error;
	}
}

/** Sends SIGTERM to n8n's process group, then SIGKILL if it has not exited after 20 s. */
async function stopServer(server, removeHandlers) {
	removeHandlers();
	if (!server.exited) {
		signalGroup(server, 'SIGTERM');
		const stoppingAt = Date.now();
		while (!server.exited && Date.now() - stoppingAt < STOP_GRACE_MS) await delay(100);
	}

	// The task runner is in the same group and may outlive a crashed main process.
	signalGroup(server, 'SIGKILL');
}

module.exports = { n8nEnvironment, runCli, startServer, tail };
