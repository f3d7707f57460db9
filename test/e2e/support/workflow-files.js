// Reads the workflow files under test/e2e/workflows and derives each one's production webhook
// paths, as n8n 2.41.1 builds them (getNodeWebhookPath in n8n-workflow).
const fs = require('node:fs');
const path = require('node:path');

const WORKFLOW_FOLDER = path.join(__dirname, '..', 'workflows');
const EIGI_TRIGGER = 'n8n-nodes-eigi.eigiTrigger';
const WEBHOOK_NODE = 'n8n-nodes-base.webhook';
const EIGI_TRIGGER_METHODS = ['GET', 'POST', 'PUT', 'PATCH'];

/** Returns `[{ webhookPath, methods }]` for the trigger nodes of a workflow. */
function webhooksOf(workflow) {
	const webhooks = [];
	for (const node of workflow.nodes) {
		if (node.type === EIGI_TRIGGER) {
			webhooks.push({
				node: node.name,
				webhookPath: `webhook/${node.webhookId}/eigi`,
				methods: EIGI_TRIGGER_METHODS,
			});
		}
		if (node.type === WEBHOOK_NODE) {
			webhooks.push({
				node: node.name,
				webhookPath: `webhook/${node.parameters.path}`,
				methods: [node.parameters.httpMethod ?? 'GET'],
			});
		}
	}
	return webhooks;
}

/** Returns `{ <file name without .json>: { file, id, name, webhooks } }`. */
function loadWorkflowFiles(folder = WORKFLOW_FOLDER) {
	const workflows = {};
	for (const fileName of fs
		.readdirSync(folder)
		.filter((name) => name.endsWith('.json'))
		.sort()) {
		const file = path.join(folder, fileName);
		const workflow = JSON.parse(fs.readFileSync(file, 'utf8'));
		if (!workflow.id || !Array.isArray(workflow.nodes)) {
			throw new Error(
				`${file} is not an n8n workflow export with a fixed "id" and a "nodes" array.`,
			);
		}
		workflows[fileName.replace(/\.json$/, '')] = {
			file,
			id: workflow.id,
			name: workflow.name,
			webhooks: webhooksOf(workflow),
		};
	}
	return workflows;
}

module.exports = { WORKFLOW_FOLDER, loadWorkflowFiles };
