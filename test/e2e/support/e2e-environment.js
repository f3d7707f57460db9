// Brings up what the e2e tests run against: the eigi API stand-in and one n8n 2.41.1 server with
// the built package installed, the credentials and workflows imported, and every workflow published.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startStandIn } = require('../../support/eigi-stand-in');
const { buildCredentials } = require('./credentials');
const { freePort } = require('./free-port');
const { activateWorkflow, createApiKey, waitForWebhook } = require('./n8n-api');
const { findN8n } = require('./n8n-install');
const { n8nEnvironment, runCli, startServer } = require('./n8n-process');
const { assertTypesLoaded } = require('./node-types');
const { installBuiltPackage } = require('./package-copy');
const { WORKFLOW_FOLDER, loadWorkflowFiles } = require('./workflow-files');

const PACKAGE_ROOT = path.join(__dirname, '..', '..', '..');
const ENCRYPTION_KEY = 'eigi-e2e-encryption-key-0123456789';
const EXPECTED_TYPES = {
	nodes: ['n8n-nodes-eigi.eigiTrigger', 'n8n-nodes-eigi.eigi', 'n8n-nodes-eigi.eigiTool'],
	credentials: ['eigiApi', 'eigiWebhookTokenApi'],
};

async function distinctFreePorts(count) {
	const ports = new Set();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

function timer() {
	const startedAt = Date.now();
	return () => Date.now() - startedAt;
}

async function importAndStart(installed, env, files, timings) {
	let elapsed = timer();
	await runCli(installed, env, ['import:credentials', `--input=${files.credentials}`], files.log);
	await runCli(
		installed,
		env,
		['import:workflow', '--separate', `--input=${WORKFLOW_FOLDER}`],
		files.log,
	);
	timings.importMs = elapsed();

	elapsed = timer();
	const server = await startServer(installed, env, files.log);
	timings.readinessMs = elapsed();
	return server;
}

async function publishAll(server, workflows, timings) {
	const elapsed = timer();
	const apiKey = await createApiKey(server.baseUrl);
	for (const workflow of Object.values(workflows))
		await activateWorkflow(server.baseUrl, apiKey, workflow.id);
	for (const workflow of Object.values(workflows)) {
		for (const webhook of workflow.webhooks)
			await waitForWebhook(server.baseUrl, webhook.webhookPath, webhook.methods);
	}
	timings.publishMs = elapsed();
}

/**
 * Starts the stand-in and n8n, and returns `{ run, stop() }` where `run` is what tests need
 * (URLs, secrets, workflow ids and webhook URLs, database and log paths).
 */
async function startE2eEnvironment({ packageRoot = PACKAGE_ROOT } = {}) {
	const installed = findN8n();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'eigi-e2e-'));
	const files = {
		log: path.join(userFolder, 'n8n.log'),
		credentials: path.join(userFolder, 'credentials.json'),
		run: path.join(userFolder, 'e2e-run.json'),
	};
	installBuiltPackage(packageRoot, userFolder);

	const standIn = await startStandIn();
	let server;
	try {
		const [port, brokerPort, closedPort] = await distinctFreePorts(3);
		const secrets = buildCredentials({
			standInUrl: standIn.url,
			closedPortUrl: `http://127.0.0.1:${closedPort}`,
		});
		fs.writeFileSync(files.credentials, JSON.stringify(secrets.credentials, null, 2));
		const env = n8nEnvironment({ userFolder, port, brokerPort, encryptionKey: ENCRYPTION_KEY });
		const workflows = loadWorkflowFiles();
		const timings = {};

		server = await importAndStart(installed, env, files, timings);
		await assertTypesLoaded(userFolder, EXPECTED_TYPES, files.log);
		await publishAll(server, workflows, timings);

		const run = {
			n8nUrl: server.baseUrl,
			standInUrl: standIn.url,
			apiKey: secrets.apiKey,
			limitedApiKey: secrets.limitedKey,
			webhookToken: secrets.webhookToken,
			userFolder,
			logPath: files.log,
			databasePath: path.join(userFolder, '.n8n', 'database.sqlite'),
			nodeBin: installed.nodeBin,
			flattedPath: installed.flatted,
			timings,
			workflows: Object.fromEntries(
				Object.entries(workflows).map(([key, workflow]) => [
					key,
					{
						id: workflow.id,
						webhookUrls: workflow.webhooks.map(
							(webhook) => `${server.baseUrl}/${webhook.webhookPath}`,
						),
					},
				]),
			),
		};
		fs.writeFileSync(files.run, JSON.stringify(run, null, 2));
		return {
			run,
			runFile: files.run,
			stop: () => stopE2eEnvironment({ server, standIn, userFolder }),
		};
	} catch (error) {
		await stopE2eEnvironment({ server, standIn, userFolder: undefined });
		throw error;
	}
}

/** Stops n8n and the stand-in; removes the user folder unless EIGI_E2E_KEEP=1. */
async function stopE2eEnvironment({ server, standIn, userFolder }) {
	if (server) await server.stop();
	await standIn.close();
	if (userFolder && process.env.EIGI_E2E_KEEP !== '1')
		fs.rmSync(userFolder, { recursive: true, force: true });
}

module.exports = { startE2eEnvironment };
