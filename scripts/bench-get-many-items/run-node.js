// Runs the built Eigi node once through n8n-core's WorkflowExecute, the engine n8n itself uses.
// A Start node emits the input items into the Eigi node. The eigiApi credential is applied the
// way n8n's CredentialsHelper applies a generic `authenticate` block.
const { ExecutionLifecycleHooks, WorkflowExecute } = require('n8n-core');
const {
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeConnectionTypes,
	Workflow,
} = require('n8n-workflow');

const START_TYPE = 'bench.start';
const EIGI_TYPE = 'n8n-nodes-eigi.eigi';

class StartNode {
	description = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the benchmark items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute() {
		return [this.getInputData()];
	}
}

class CredentialsHelper extends ICredentialsHelper {
	constructor(credentialType, data) {
		super();
		this.credentialType = credentialType;
		this.data = data;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async authenticate(credentials, _typeName, requestOptions, workflow, node) {
		for (const [outerKey, entries] of Object.entries(this.credentialType.authenticate.properties)) {
			requestOptions[outerKey] = requestOptions[outerKey] ?? {};
			for (const [key, value] of Object.entries(entries)) {
				requestOptions[outerKey][key] = isExpression(value)
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async getDecrypted() {
		return { ...this.data };
	}

	getCredentialsProperties() {
		return this.credentialType.properties;
	}
}

function additionalData(hooks, credentialsHelper) {
	const base = 'http://127.0.0.1:5678';
	return {
		hooks,
		credentialsHelper,
		executionId: '1',
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		currentNodeExecutionIndex: 0,
	};
}

/**
 * Runs `Start → Eigi` with `parameters` on `items`. `dist` contains the built classes
 * `{ Eigi, EigiApi }`. Returns `{ items, error }` of the Eigi node.
 */
async function runEigiNode({ dist, parameters, credentials, items }) {
	const nodes = [
		{ id: 's', name: 'Start', type: START_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'e',
			name: 'Eigi',
			type: EIGI_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters,
			credentials: { eigiApi: { id: '1', name: 'Eigi API' } },
		},
	];
	const types = { [START_TYPE]: new StartNode(), [EIGI_TYPE]: new dist.Eigi() };
	const workflow = new Workflow({
		id: 'bench',
		nodes,
		connections: {
			Start: { main: [[{ node: 'Eigi', type: NodeConnectionTypes.Main, index: 0 }]] },
		},
		active: false,
		nodeTypes: {
			getByName: (name) => types[name],
			getByNameAndVersion: (name) => types[name],
			getKnownTypes: () => ({}),
		},
	});

	const hooks = new ExecutionLifecycleHooks('manual', '1', {
		id: 'bench',
		nodes: [],
		connections: {},
	});
	const helper = new CredentialsHelper(new dist.EigiApi(), credentials);
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node: workflow.getNode('Start'), data: { main: [items] }, source: null },
			],
		},
	});
	const engine = new WorkflowExecute(additionalData(hooks, helper), 'manual', runData);
	const run = await engine.processRunExecutionData(workflow);
	const task = run.data.resultData.runData.Eigi?.[0];
	return { items: task?.data?.main?.[0] ?? [], error: task?.error ?? run.data.resultData.error };
}

module.exports = { runEigiNode };
