// The benchmark's sides: one published workflow each, `<trigger> → No Operation`, written as n8n
// workflow exports with fixed ids so the benchmark knows their webhook URLs before n8n starts.
const fs = require('node:fs');
const path = require('node:path');

const { loadWorkflowFiles } = require('../../test/e2e/support/workflow-files');
const { MINIMAL_TRIGGER_TYPE, WEBHOOK_PATH: MINIMAL_PATH } = require('./minimal-trigger');

const EIGI_TRIGGER_TYPE = 'n8n-nodes-eigi.eigiTrigger';
const WEBHOOK_NODE_TYPE = 'n8n-nodes-base.webhook';
// The Webhook node's newest version in n8n 2.41.1.
const WEBHOOK_NODE_VERSION = 2.1;

/** Side definitions; `parameters` of an Eigi side are its trigger's parameters. */
const SIDES = {
	eigi: {
		label: 'Eigi Trigger',
		workflowId: 'benchEigiDefault',
		trigger: { type: EIGI_TRIGGER_TYPE, typeVersion: 1.1, parameters: {} },
		webhookId: '6f1e8a52-0b3c-4d8e-9a41-5e7b2c9d0e11',
	},
	minimal: {
		label: 'minimal community trigger',
		workflowId: 'benchMinimalTrig',
		trigger: { type: MINIMAL_TRIGGER_TYPE, typeVersion: 1.1, parameters: {} },
		webhookId: '0c4d2f7a-8e19-4b6a-b3d5-7a9e1f2c4b22',
	},
	webhook: {
		label: 'n8n Webhook node',
		workflowId: 'benchWebhookNode',
		trigger: {
			type: WEBHOOK_NODE_TYPE,
			typeVersion: WEBHOOK_NODE_VERSION,
			parameters: { httpMethod: 'POST', path: 'bench-webhook-node', options: {} },
		},
		webhookId: '9b3e5c1d-2a4f-4e7b-8c6d-1f0a3b5e7d33',
	},
};

function workflowExport(key, side) {
	const triggerName = `${side.label} (trigger)`;
	const trigger = {
		id: `${key}-trigger`,
		name: triggerName,
		webhookId: side.webhookId,
		position: [0, 0],
		...side.trigger,
	};
	const noOp = {
		id: `${key}-noop`,
		name: 'No Operation',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [220, 0],
		parameters: {},
	};
	return {
		id: side.workflowId,
		name: `Benchmark: ${side.label}`,
		active: false,
		nodes: [trigger, noOp],
		connections: { [triggerName]: { main: [[{ node: noOp.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/**
 * Writes one workflow file per side into `folder` and returns the sides with their workflow id,
 * trigger node name and production webhook path.
 */
function writeWorkflows(folder, sideKeys) {
	fs.mkdirSync(folder, { recursive: true });
	for (const key of sideKeys) {
		fs.writeFileSync(
			path.join(folder, `${key}.json`),
			JSON.stringify(workflowExport(key, SIDES[key]), null, '\t'),
		);
	}

	const files = loadWorkflowFiles(folder);
	return sideKeys.map((key) => {
		const side = SIDES[key];
		const triggerName = `${side.label} (trigger)`;
		// workflow-files.js derives the paths of the Eigi Trigger and the Webhook node; the minimal
		// trigger has no isFullPath, so n8n serves it under /webhook/<webhookId>/<path> like Eigi's.
		const known = files[key].webhooks.find((webhook) => webhook.node === triggerName);
		const webhookPath = known ? known.webhookPath : `webhook/${side.webhookId}/${MINIMAL_PATH}`;
		return {
			key,
			label: side.label,
			workflowId: side.workflowId,
			triggerName,
			nodeType: side.trigger.type,
			webhookPath,
		};
	});
}

module.exports = { EIGI_TRIGGER_TYPE, SIDES, writeWorkflows };
