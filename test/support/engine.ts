import { ExecuteContext, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IRunExecutionData,
	IWorkflowExecuteAdditionalData,
	Logger,
	Workflow as WorkflowType,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeConnectionTypes,
	Workflow,
} from 'n8n-workflow';

/**
 * Runs one node through n8n-core's real WorkflowExecute, the engine n8n itself uses, so a test
 * sees what a workflow would see: parameter defaults and expressions resolved by the engine,
 * credentials applied by the credential type's `authenticate` block, pairedItem and
 * continueOnFail handled by the engine, errors reported in the run data.
 *
 * Two start modes:
 * - default: a `Start` node emits `input` and feeds the node under test, like a Manual Trigger.
 * - `asStartNode: true`: the node under test is the start node and receives `input` directly,
 *   which is how n8n runs a webhook trigger's `execute()` with what its `webhook()` returned.
 */
export interface EngineRunOptions {
	/** The node class under test, e.g. `new Eigi()`. */
	nodeType: INodeType;
	/** Type id used in the workflow; defaults to `n8n-nodes-eigi.<description.name>`. */
	type?: string;
	typeVersion?: number;
	/** Name of the node in the workflow; defaults to the node's display name. */
	nodeName?: string;
	parameters: INodeParameters;
	/** Decrypted credential data by credential type name, e.g. `{ eigiApi: { apiKey: 'vk_x' } }`. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Credential classes whose `authenticate` and property defaults the engine applies. */
	credentialTypes?: ICredentialType[];
	/** Items for the node's first input; use `inputs` for several inputs or outputs. */
	input?: INodeExecutionData[];
	/** Per-connection input, e.g. what a trigger's `webhook()` returned as `workflowData`. */
	inputs?: INodeExecutionData[][];
	asStartNode?: boolean;
	/** Sets the node setting "On Error" to "Continue" (`continueRegularOutput`). */
	continueOnFail?: boolean;
	/** Static data of the workflow (`getWorkflowStaticData`), shared with later runs if reused. */
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
}

export interface LogEntry {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: unknown;
}

export interface EngineRunResult {
	/** Items of each output of the node under test; empty when the node failed. */
	outputs: INodeExecutionData[][];
	/** The error the node threw, as recorded by the engine. */
	error?: Error;
	/** Everything logged through n8n's logger during the run: the node's `this.logger` calls and
	 * the engine's error reports. */
	logs: LogEntry[];
	/** The full run, for assertions on metadata or hints. */
	run: IRun;
	staticData: IDataObject;
}

const START_NODE_TYPE = 'engine-harness.start';

/** Emits the stack input unchanged, like n8n's Manual Trigger with pinned data. */
class StartNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test input',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: ExecuteContext): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Applies credential types the way n8n's own CredentialsHelper does (generic and function). */
class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
		private readonly types: Map<string, ICredentialType>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow?: WorkflowType,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const credentialType = this.types.get(typeName);
		const authenticate = credentialType?.authenticate;
		if (!authenticate) return requestOptions;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!workflow || !node) throw new Error('generic credential authentication needs a workflow');

		const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
		for (const [outerKey, entries] of Object.entries(authenticate.properties)) {
			target[outerKey] = target[outerKey] ?? {};
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				const resolvedKey = resolveCredentialValue(key, credentials, workflow, node);
				target[outerKey][resolvedKey] = resolveCredentialValue(value, credentials, workflow, node);
			}
		}
		return requestOptions;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('the engine harness only hands out decrypted credentials');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`the test gave no credentials of type "${type}"`);
		return { ...defaultsOf(this.types.get(type)), ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}
}

// Same rule as n8n's CredentialsHelper.resolveValue: expressions see `$credentials`, and an
// empty result becomes ''.
function resolveCredentialValue(
	value: unknown,
	credentials: ICredentialDataDecryptedObject,
	workflow: WorkflowType,
	node: INode,
): string {
	if (typeof value !== 'string' || !isExpression(value)) return String(value);
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		{ $credentials: credentials },
		undefined,
		'',
	);
	return resolved ? String(resolved) : '';
}

function defaultsOf(type: ICredentialType | undefined): ICredentialDataDecryptedObject {
	const defaults: ICredentialDataDecryptedObject = {};
	for (const property of type?.properties ?? []) {
		defaults[property.name] = property.default as ICredentialDataDecryptedObject[string];
	}
	return defaults;
}

function nodeTypesOf(types: Record<string, INodeType>): INodeTypes {
	return {
		getByName: (name) => types[name],
		getByNameAndVersion: (name) => types[name],
		getKnownTypes: () => ({}),
	};
}

// A plain object, not a deep mock: WorkflowExecute treats every truthy mocked member as a real
// feature (it tried to decrypt with a mocked cipher), and missing base URLs make
// getAdditionalKeys throw "Invalid URL".
function additionalDataOf(
	hooks: ExecutionLifecycleHooks,
	credentialsHelper: ICredentialsHelper,
): IWorkflowExecuteAdditionalData {
	return {
		hooks,
		credentialsHelper,
		currentNodeParameters: undefined,
		executionId: '1',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		currentNodeExecutionIndex: 0,
	} as unknown as IWorkflowExecuteAdditionalData;
}

function buildNodes(options: EngineRunOptions, nodeName: string, type: string): INode[] {
	const credentials: INode['credentials'] = {};
	for (const credentialType of Object.keys(options.credentials ?? {})) {
		credentials[credentialType] = { id: `${credentialType}-1`, name: credentialType };
	}
	const nodeUnderTest: INode = {
		id: 'node-under-test',
		name: nodeName,
		type,
		typeVersion: options.typeVersion ?? firstVersion(options.nodeType),
		position: [200, 0],
		parameters: options.parameters,
		credentials,
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	if (options.asStartNode) return [nodeUnderTest];

	const start: INode = {
		id: 'start',
		name: 'Start',
		type: START_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	return [start, nodeUnderTest];
}

function firstVersion(nodeType: INodeType): number {
	const { version } = nodeType.description;
	return Array.isArray(version) ? version[version.length - 1] : version;
}

// Node contexts read `this.logger` from a getter; n8n-core's ErrorReporter writes to the same
// Logger instance from n8n's DI container through its `log` method. The getter is replaced by a
// recorder (so debug lines are kept whatever n8n's log level is) and `log` is recorded and kept
// off the console.
function captureLogs(logs: LogEntry[]): () => void {
	let owner: object | null = ExecuteContext.prototype;
	while (owner && !Object.prototype.hasOwnProperty.call(owner, 'logger')) {
		owner = Object.getPrototypeOf(owner) as object | null;
	}
	const getter = owner && Object.getOwnPropertyDescriptor(owner, 'logger')?.get;
	if (!owner || !getter) throw new Error('n8n-core node contexts no longer define a logger getter');

	// The getter is memoized per instance, so read it on a scratch object.
	const shared = getter.call({}) as {
		log: (level: string, message: string, meta?: unknown) => void;
	};
	const sharedSpy = jest.spyOn(shared, 'log').mockImplementation((level, message, meta) => {
		logs.push({ level: level as LogEntry['level'], message, meta });
	});

	const record =
		(level: LogEntry['level']) =>
		(message: string, meta?: unknown): void => {
			logs.push({ level, message, meta });
		};
	const recorder = {
		debug: record('debug'),
		info: record('info'),
		warn: record('warn'),
		error: record('error'),
		scoped: () => recorder,
	} as unknown as Logger;
	const getterSpy = jest
		.spyOn(owner as { logger: Logger }, 'logger', 'get')
		.mockReturnValue(recorder);

	return () => {
		getterSpy.mockRestore();
		sharedSpy.mockRestore();
	};
}

function stackInput(options: EngineRunOptions): INodeExecutionData[][] {
	return options.inputs ?? [options.input ?? [{ json: {} }]];
}

/** Runs the node once and returns its output items, its error and its logs. */
export async function runNode(options: EngineRunOptions): Promise<EngineRunResult> {
	const nodeName = options.nodeName ?? options.nodeType.description.displayName;
	const type = options.type ?? `n8n-nodes-eigi.${options.nodeType.description.name}`;
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: 'engine-harness',
		nodes: buildNodes(options, nodeName, type),
		connections: options.asStartNode
			? {}
			: { Start: { main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]] } },
		active: false,
		nodeTypes: nodeTypesOf({ [type]: options.nodeType, [START_NODE_TYPE]: new StartNode() }),
		staticData,
	});

	const credentialTypes = new Map((options.credentialTypes ?? []).map((c) => [c.name, c]));
	const helper = new HarnessCredentialsHelper(options.credentials ?? {}, credentialTypes);
	const mode = options.mode ?? 'manual';
	const hooks = new ExecutionLifecycleHooks(mode, '1', {
		id: 'engine-harness',
		name: 'engine harness',
		active: false,
		isArchived: false,
		nodes: [],
		connections: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
	});
	const firstNode = workflow.getNode(options.asStartNode ? nodeName : 'Start') as INode;
	const runExecutionData: IRunExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: firstNode, data: { main: stackInput(options) }, source: null }],
		},
	});

	const logs: LogEntry[] = [];
	const restoreLogger = captureLogs(logs);
	try {
		const engine = new WorkflowExecute(additionalDataOf(hooks, helper), mode, runExecutionData);
		const run = await engine.processRunExecutionData(workflow);
		const task = run.data.resultData.runData[nodeName]?.[0];
		return {
			outputs: (task?.data?.main ?? []).map((items) => items ?? []),
			error: task?.error ?? run.data.resultData.error,
			logs,
			run,
			staticData: workflow.staticData,
		};
	} finally {
		restoreLogger();
	}
}
