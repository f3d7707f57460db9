// Writes `n8n-nodes-bench-minimal`, the baseline community trigger of the throughput benchmark:
// a plain-JS package whose trigger declares the same webhooks as the Eigi Trigger (POST, PUT,
// PATCH and GET on one path, answered on receipt with the trigger's own response) and whose
// webhook() only returns the request body as the item. Whatever the Eigi Trigger costs above this
// package is its own code.
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_NAME = 'n8n-nodes-bench-minimal';
const NODE_NAME = 'benchMinimalTrigger';
const WEBHOOK_PATH = 'minimal';

const NODE_SOURCE = `'use strict';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH'];

class BenchMinimalTrigger {
	constructor() {
		this.description = {
			displayName: 'Bench Minimal Trigger',
			name: '${NODE_NAME}',
			group: ['trigger'],
			version: 1.1,
			description: 'Starts the workflow with the request body as the item',
			defaults: { name: 'Bench Minimal Trigger' },
			inputs: [],
			outputs: ['main'],
			webhooks: METHODS.map((httpMethod) => ({
				name: 'default',
				httpMethod,
				responseMode: 'onReceived',
				responseData: '',
				path: '${WEBHOOK_PATH}',
			})),
			properties: [],
		};
	}

	async webhook() {
		return {
			workflowData: [this.helpers.returnJsonArray(this.getBodyData())],
			webhookResponse: { received: true },
		};
	}
}

module.exports = { BenchMinimalTrigger };
`;

/**
 * Writes the package into `<userFolder>/.n8n/nodes/node_modules/`, where n8n loads community
 * packages from at start. Returns the node type to use in workflows.
 */
function installMinimalTrigger(userFolder) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(path.join(target, 'dist'), { recursive: true });

	const manifest = {
		name: PACKAGE_NAME,
		version: '1.0.0',
		private: true,
		main: 'dist/BenchMinimalTrigger.node.js',
		n8n: { n8nNodesApiVersion: 1, nodes: ['dist/BenchMinimalTrigger.node.js'] },
	};
	fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	fs.writeFileSync(path.join(target, 'dist', 'BenchMinimalTrigger.node.js'), NODE_SOURCE);
	return `${PACKAGE_NAME}.${NODE_NAME}`;
}

module.exports = {
	installMinimalTrigger,
	MINIMAL_TRIGGER_TYPE: `${PACKAGE_NAME}.${NODE_NAME}`,
	WEBHOOK_PATH,
};
