// The benchmark's sides: one published workflow each, `<trigger> → No Operation`, written as n8n
// workflow exports with fixed ids so the benchmark has their webhook URLs before n8n starts.
const fs = require('node:fs');
const path = require('node:path');

const { loadWorkflowFiles } = require('../../test/e2e/support/workflow-files');
const {
	MINIMAL_OUTPUTS_TRIGGER_TYPE,
	MINIMAL_PARSED_TRIGGER_TYPE,
	MINIMAL_TRIGGER_TYPE,
	WEBHOOK_PATH: MINIMAL_PATH,
} = require('./minimal-trigger');

const EIGI_TRIGGER_TYPE = 'n8n-nodes-eigi.eigiTrigger';
const WEBHOOK_NODE_TYPE = 'n8n-nodes-base.webhook';
// The Webhook node's newest version in n8n 2.41.1.
const WEBHOOK_NODE_VERSION = 2.1;

/** Side definitions. `trigger.parameters` are the trigger node's parameters in the workflow. */
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
	// Variants of the Eigi side that show where its time goes. Run them with --sides.
	eigiNoDedup: {
		label: 'Eigi Trigger, de-duplication off',
		workflowId: 'benchEigiNoDedup',
		trigger: {
			type: EIGI_TRIGGER_TYPE,
			typeVersion: 1.1,
			parameters: { options: { deduplicate: false } },
		},
		webhookId: '2d7c9e4f-6a1b-4c3d-8e5f-0a9b8c7d6e44',
	},
	eigiFullLog: {
		label: 'Eigi Trigger, full de-duplication log',
		workflowId: 'benchEigiFullLog',
		trigger: { type: EIGI_TRIGGER_TYPE, typeVersion: 1.1, parameters: {} },
		webhookId: '5e8f1a2b-3c4d-4e6f-9a0b-1c2d3e4f5a55',
		// The trigger keeps at most 200 keys in static data (MAX_LOGGED_KEYS in
		// nodes/EigiTrigger/deduplication/deliveryLog.ts), reached after 200 deliveries in the window.
		rememberedDeliveries: 200,
	},
	// The same static data on a trigger that never reads or writes it: what n8n itself spends on it.
	minimalFullLog: {
		label: 'minimal community trigger, full de-duplication log',
		workflowId: 'benchMinimalFullLog',
		trigger: { type: MINIMAL_TRIGGER_TYPE, typeVersion: 1.1, parameters: {} },
		webhookId: '7a9b0c1d-2e3f-4a5b-8c6d-7e8f9a0b1c66',
		rememberedDeliveries: 200,
	},
	minimalOutputs: {
		label: 'minimal community trigger, outputs expression',
		workflowId: 'benchMinimalOutput',
		trigger: { type: MINIMAL_OUTPUTS_TRIGGER_TYPE, typeVersion: 1.1, parameters: {} },
		webhookId: '8b0c1d2e-3f4a-4b5c-9d6e-8f9a0b1c2d77',
	},
	minimalParsed: {
		label: 'minimal community trigger, parsed payload',
		workflowId: 'benchMinimalParsed',
		trigger: { type: MINIMAL_PARSED_TRIGGER_TYPE, typeVersion: 1.1, parameters: {} },
		webhookId: '9c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e88',
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

/**
 * Returns the workflow static data of a trigger that has already emitted `count` deliveries in the
 * last minutes, in the Eigi Trigger's format (`emitted`: `c:<conversation_id>` → emitted at, epoch
 * seconds, oldest first).
 */
function rememberedDeliveries(triggerName, count) {
	const nowSeconds = Math.floor(Date.now() / 1000);
	const emitted = {};
	for (let index = 0; index < count; index += 1) {
		const id = `0000${index.toString(16).padStart(4, '0')}-7e1a-4b2c-9d3e-${String(index).padStart(12, '0')}`;
		emitted[`c:${id}`] = nowSeconds - (count - index);
	}
	return { [`node:${triggerName}`]: { emitted } };
}

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
		staticData: side.rememberedDeliveries
			? rememberedDeliveries(triggerName, side.rememberedDeliveries)
			: null,
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
		// workflow-files.js derives the paths of the Eigi Trigger and the Webhook node. The minimal
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
