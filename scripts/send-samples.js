#!/usr/bin/env node
// Sends sample eigi deliveries to the Eigi Trigger of `npm run demo`. It sends one delivery per
// request type eigi offers (GET with a query string; POST, PUT and PATCH with multipart form-data),
// which together cover the three events. A last delivery lacks its payload, so the trigger rejects
// it with 400. Prints each HTTP response, then the executions read from the demo's database.
//
// Usage: npm run demo:send [-- <production webhook URL>]
// Without a URL it reads the one `npm run demo` wrote to .n8n-demo/demo.json (or $EIGI_DEMO_DIR).
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { deliveryFields, samplePayload, sendDelivery } = require('../test/support/eigi-deliveries');
const { findN8n } = require('../test/e2e/support/n8n-install');

const ROOT = path.join(__dirname, '..');
const DEMO_DIR = process.env.EIGI_DEMO_DIR || path.join(ROOT, '.n8n-demo');
const SAMPLES = [
	{ method: 'GET', event: 'conversation.completed' },
	{ method: 'POST', event: 'conversation.completed' },
	{ method: 'PUT', event: 'conversation.disconnected' },
	{ method: 'PATCH', event: 'conversation.failed' },
];
const EXECUTION_WAIT_MS = 30_000;

function readDemoInfo() {
	const file = path.join(DEMO_DIR, 'demo.json');
	if (!fs.existsSync(file)) return null;
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function readExecutions(demo, afterId) {
	const installed = findN8n();
	const script = path.join(ROOT, 'test', 'e2e', 'support', 'read-executions.js');
	const database = path.join(demo.userFolder, '.n8n', 'database.sqlite');
	const output = execFileSync(installed.nodeBin, [
		script,
		database,
		installed.flatted,
		demo.workflowId,
		String(afterId),
	]);
	return JSON.parse(output.toString('utf8'));
}

async function waitForExecutions(demo, afterId, count) {
	const startedAt = Date.now();
	let executions = readExecutions(demo, afterId);
	while (
		executions.filter((execution) => execution.finished || execution.status === 'error').length <
		count
	) {
		if (Date.now() - startedAt > EXECUTION_WAIT_MS) break;
		await new Promise((resolve) => setTimeout(resolve, 250));
		executions = readExecutions(demo, afterId);
	}
	return executions;
}

function describeExecution(execution) {
	const item = execution.nodes['Eigi Trigger']?.[0]?.outputs[0]?.[0]?.json ?? {};
	const fetched = execution.nodes['Get Conversation']?.[0];
	const conversation = fetched?.outputs[0]?.[0]?.json;
	const typed = `conversation_duration ${JSON.stringify(item.conversation_duration)} (${typeof item.conversation_duration}), is_test_call ${JSON.stringify(item.is_test_call)}`;
	const fetchedText = conversation
		? `Get Conversation returned ${conversation.conversation_id} (${conversation.conversation_type}, ${conversation.conversation_status})`
		: `Get Conversation failed: ${fetched?.error?.message ?? 'did not run'}`;
	return `  #${execution.id} ${execution.status}: ${item.event} ${item.conversation_id}; ${typed}; ${fetchedText}`;
}

async function main() {
	const demo = readDemoInfo();
	const url = process.argv[2] || demo?.productionUrl;
	if (!url) {
		throw new Error(
			`No webhook URL: start "npm run demo" first (it writes ${path.join(DEMO_DIR, 'demo.json')}), or pass the URL: npm run demo:send -- <url>.`,
		);
	}

	const afterId = demo ? (readExecutions(demo, 0).at(-1)?.id ?? 0) : 0;
	console.log(`Sending ${SAMPLES.length + 1} deliveries to ${url}`);
	for (const { method, event } of SAMPLES) {
		const response = await sendDelivery(url, {
			method,
			fields: deliveryFields(event, samplePayload(event)),
		});
		console.log(`  ${method.padEnd(5)} ${event.padEnd(26)} -> ${response.status} ${response.text}`);
	}
	const rejected = await sendDelivery(url, {
		method: 'POST',
		fields: [['event', 'conversation.completed']],
	});
	console.log(`  POST  missing payload             -> ${rejected.status} ${rejected.text}`);

	if (!demo || process.argv[2]) return;
	const executions = await waitForExecutions(demo, afterId, SAMPLES.length);
	console.log(
		`\n${executions.length} new executions of the demo workflow (open them in ${demo.editorUrl}workflow/${demo.workflowId}/executions):`,
	);
	for (const execution of executions) console.log(describeExecution(execution));
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
