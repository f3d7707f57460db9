// What e2e test files use: the run written by global-setup.js, deliveries, executions read from
// n8n's database, and the stand-in's record of the requests it received.
const fs = require('node:fs');
const path = require('node:path');
const { deliveryFields, samplePayload, sendDelivery } = require('../../support/eigi-deliveries');
const { lastExecutionId, readExecutions, waitForExecutions } = require('./executions');

let cachedRun;

/** Returns the e2e run (URLs, secrets, workflows); throws when global-setup.js did not run. */
function e2eRun() {
	if (cachedRun) return cachedRun;
	const runFile = process.env.EIGI_E2E_RUN_FILE;
	if (!runFile || !fs.existsSync(runFile)) {
		throw new Error(
			'No e2e run found: run the e2e tests through jest (npm test or npm run test:e2e), whose globalSetup starts n8n.',
		);
	}
	cachedRun = JSON.parse(fs.readFileSync(runFile, 'utf8'));
	return cachedRun;
}

/** Returns `{ id, webhookUrl, webhookUrls }` of the workflow in test/e2e/workflows/<key>.json. */
function workflow(key) {
	const found = e2eRun().workflows[key];
	if (!found) throw new Error(`No e2e workflow "${key}". Add test/e2e/workflows/${key}.json.`);
	return { id: found.id, webhookUrl: found.webhookUrls[0], webhookUrls: found.webhookUrls };
}

async function standInControl(path, { method = 'GET', body } = {}) {
	const response = await fetch(`${e2eRun().standInUrl}/_stand-in/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!response.ok)
		throw new Error(
			`Stand-in control ${method} ${path} failed with ${response.status}: ${await response.text()}`,
		);
	return response.json();
}

/** Returns the node types n8n loaded whose name starts with `prefix`, from its type cache. */
function loadedNodeTypes(prefix) {
	const file = path.join(e2eRun().userFolder, '.cache', 'n8n', 'public', 'types', 'nodes.json');
	return JSON.parse(fs.readFileSync(file, 'utf8')).filter((type) => type.name.startsWith(prefix));
}

/**
 * Returns the bytes of a binary property of an executed item: from the file n8n's filesystem
 * mode wrote under <user folder>/.n8n/storage (the default storage path of n8n 2.41.1 in a new
 * user folder), or from inline base64 data.
 */
function binaryBytes(binary) {
	if (binary.data) return Buffer.from(binary.data, 'base64');

	const match = /^filesystem(?:-v2)?:(.+)$/.exec(binary.id ?? '');
	if (!match)
		throw new Error(`Binary data id "${binary.id}" is not a filesystem id; cannot read its bytes.`);
	return fs.readFileSync(path.join(e2eRun().userFolder, '.n8n', 'storage', match[1]));
}

/** Returns what the e2e n8n server has logged so far. */
function n8nLog() {
	return fs.readFileSync(e2eRun().logPath, 'utf8');
}

module.exports = {
	binaryBytes,
	n8nLog,
	loadedNodeTypes,
	deliveryFields,
	e2eRun,
	lastExecutionId: (workflowId) => lastExecutionId(e2eRun(), workflowId),
	readExecutions: (workflowId, afterId) => readExecutions(e2eRun(), workflowId, afterId),
	samplePayload,
	sendDelivery,
	clearStandInRequests: () => standInControl('requests', { method: 'DELETE' }),
	standInRequests: (pathPrefix = '') =>
		standInControl(`requests?path_prefix=${encodeURIComponent(pathPrefix)}`),
	standInOutboundCalls: () => standInControl('outbound-calls'),
	registerConversation: (conversationId, conversation) =>
		standInControl(`conversations/${encodeURIComponent(conversationId)}`, {
			method: 'PUT',
			body: conversation,
		}),
	setStandInConfig: (config) => standInControl('config', { method: 'PUT', body: config }),
	waitForExecutions: (workflowId, options) => waitForExecutions(e2eRun(), workflowId, options),
	workflow,
};
