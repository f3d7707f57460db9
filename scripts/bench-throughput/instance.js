// Starts one n8n for a benchmark configuration: a fresh user folder with n8n-nodes-eigi and the
// minimal trigger package installed, the side workflows imported and published, webhooks live.
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const { assertTypesLoaded } = require('../../test/e2e/support/node-types');
const {
	activateWorkflow,
	createApiKey,
	waitForWebhook,
} = require('../../test/e2e/support/n8n-api');
const { findN8n } = require('../../test/e2e/support/n8n-install');
const { n8nEnvironment, runCli, startServer } = require('../../test/e2e/support/n8n-process');
const { freePort } = require('../../test/e2e/support/free-port');
const { installBuiltPackage } = require('../../test/e2e/support/package-copy');
const { startExecutionCounter } = require('./execution-counter');
const { installMinimalTrigger } = require('./minimal-trigger');
const { EIGI_TRIGGER_TYPE, writeWorkflows } = require('./workflows');

/** Installs the packages, writes the workflows and returns `{ sides, nodeTypes }`. */
function prepareUserFolder({ userFolder, packageRoot, sideKeys }) {
	const sides = writeWorkflows(path.join(userFolder, 'workflows'), sideKeys);
	if (sides.some((side) => side.nodeType === EIGI_TRIGGER_TYPE))
		installBuiltPackage(packageRoot, userFolder);
	installMinimalTrigger(userFolder);
	const nodeTypes = [...new Set(sides.map((side) => side.nodeType))];
	return { sides, nodeTypes };
}

async function publishSides(baseUrl, sides) {
	const apiKey = await createApiKey(baseUrl);
	for (const side of sides) {
		await activateWorkflow(baseUrl, apiKey, side.workflowId);
		await waitForWebhook(baseUrl, side.webhookPath, ['POST']);
		side.url = `${baseUrl}/${side.webhookPath}`;
	}
}

/**
 * Starts n8n with `settings` (extra environment variables) on free loopback ports. Returns
 * `{ server, sides, run, counter, userFolder, stop() }`. `stop()` may be called more than once.
 */
async function startInstance({ workRoot, name, packageRoot, sideKeys, settings }) {
	const installed = findN8n();
	const userFolder = path.join(workRoot, name);
	fs.mkdirSync(userFolder, { recursive: true });
	const logPath = path.join(workRoot, `${name}.n8n.log`);
	const { sides, nodeTypes } = prepareUserFolder({ userFolder, packageRoot, sideKeys });

	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	const encryptionKey = randomBytes(24).toString('hex');
	const env = n8nEnvironment({ userFolder, port, brokerPort, encryptionKey, extra: settings });
	await runCli(
		installed,
		env,
		['import:workflow', '--separate', `--input=${path.join(userFolder, 'workflows')}`],
		logPath,
	);

	const instance = { sides, userFolder, logPath, stopped: false };
	instance.server = await startServer(installed, env, logPath);
	const databasePath = path.join(userFolder, '.n8n', 'database.sqlite');
	instance.run = {
		nodeBin: installed.nodeBin,
		databasePath,
		flattedPath: installed.flatted,
		logPath,
	};
	instance.stop = async () => {
		if (instance.stopped) return;
		instance.stopped = true;
		instance.counter?.close();
		await instance.server.stop();
	};

	try {
		await assertTypesLoaded(userFolder, { nodes: nodeTypes, credentials: [] }, logPath);
		await publishSides(instance.server.baseUrl, sides);
		instance.counter = startExecutionCounter(installed.nodeBin, databasePath);
	} catch (error) {
		await instance.stop();
		throw error;
	}
	return instance;
}

module.exports = { startInstance };
