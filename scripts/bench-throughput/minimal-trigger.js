// Writes `n8n-nodes-bench-minimal`, the baseline community trigger of the throughput benchmark:
// a plain-JS package whose trigger declares the same webhooks as the Eigi Trigger (POST, PUT,
// PATCH and GET on one path, responding on receipt with the trigger's own response body) and whose
// webhook() only returns the request body as the item. Whatever the Eigi Trigger costs above this
// package is its own code.
//
// Two more nodes in the package each differ from it in one respect, to measure what n8n spends on
// that respect alone: one declares its outputs as an expression, as the Eigi Trigger does for its
// optional per-event outputs, and one parses the multipart `payload` field and emits the object.
const fs = require('node:fs');
const path = require('node:path');

const PACKAGE_NAME = 'n8n-nodes-bench-minimal';
const WEBHOOK_PATH = 'minimal';

const RETURN_BODY = 'this.helpers.returnJsonArray(this.getBodyData())';
const RETURN_PAYLOAD = 'this.helpers.returnJsonArray(JSON.parse(this.getBodyData().data.payload))';

const NODES = {
	BenchMinimalTrigger: {
		name: 'benchMinimalTrigger',
		outputs: "['main']",
		properties: '[]',
		items: RETURN_BODY,
	},
	BenchMinimalParsedTrigger: {
		name: 'benchMinimalParsedTrigger',
		outputs: "['main']",
		properties: '[]',
		items: RETURN_PAYLOAD,
	},
	BenchMinimalOutputsTrigger: {
		name: 'benchMinimalOutputsTrigger',
		outputs:
			'\'={{ $parameter.outputPerEvent ? [{ type: "main", displayName: "Completed" }, { type: "main", displayName: "Disconnected" }, { type: "main", displayName: "Failed" }] : [{ type: "main" }] }}\'',
		properties:
			"[{ displayName: 'Output per Event', name: 'outputPerEvent', type: 'boolean', default: false }]",
		items: RETURN_BODY,
	},
};

function nodeSource(className, { name, outputs, properties, items }) {
	return `'use strict';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH'];

class ${className} {
	constructor() {
		this.description = {
			displayName: '${className}',
			name: '${name}',
			group: ['trigger'],
			version: 1.1,
			description: 'Starts the workflow with the request body as the item',
			defaults: { name: '${className}' },
			inputs: [],
			outputs: ${outputs},
			webhooks: METHODS.map((httpMethod) => ({
				name: 'default',
				httpMethod,
				responseMode: 'onReceived',
				responseData: '',
				path: '${WEBHOOK_PATH}',
			})),
			properties: ${properties},
		};
	}

	async webhook() {
		return {
			workflowData: [${items}],
			webhookResponse: { received: true },
		};
	}
}

module.exports = { ${className} };
`;
}

/**
 * Writes the package into `<userFolder>/.n8n/nodes/node_modules/`, where n8n loads community
 * packages from at start.
 */
function installMinimalTrigger(userFolder) {
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(path.join(target, 'dist'), { recursive: true });

	const files = Object.keys(NODES).map((className) => `dist/${className}.node.js`);
	const manifest = {
		name: PACKAGE_NAME,
		version: '1.0.0',
		private: true,
		n8n: { n8nNodesApiVersion: 1, nodes: files },
	};
	fs.writeFileSync(path.join(target, 'package.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
	for (const [className, node] of Object.entries(NODES)) {
		fs.writeFileSync(
			path.join(target, 'dist', `${className}.node.js`),
			nodeSource(className, node),
		);
	}
}

module.exports = {
	installMinimalTrigger,
	MINIMAL_TRIGGER_TYPE: `${PACKAGE_NAME}.${NODES.BenchMinimalTrigger.name}`,
	MINIMAL_OUTPUTS_TRIGGER_TYPE: `${PACKAGE_NAME}.${NODES.BenchMinimalOutputsTrigger.name}`,
	MINIMAL_PARSED_TRIGGER_TYPE: `${PACKAGE_NAME}.${NODES.BenchMinimalParsedTrigger.name}`,
	WEBHOOK_PATH,
};
