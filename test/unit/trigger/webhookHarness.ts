import type {
	IDataObject,
	INode,
	IWebhookFunctions,
	IWebhookResponseData,
	Logger,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { mock } from 'jest-mock-extended';

import { EigiTrigger } from '../../../nodes/EigiTrigger/EigiTrigger.node';
import { installBinaryHelpers } from './multipartFiles';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface WebhookRequest {
	method: HttpMethod;
	/** Raw query string without `?`, decoded the way Express decodes it (`+` is a space). */
	rawQuery?: string;
	/** Already decoded query; merged over `rawQuery`. */
	query?: IDataObject;
	contentType?: string;
	body?: unknown;
}

export interface WebhookSetup {
	parameters?: IDataObject;
	/** Stored token of the Eigi Webhook Token credential; `null` makes reading it fail. */
	token?: string | null;
	/**
	 * The workflow's whole static data, as n8n stores it: the trigger's part is under
	 * `node:Eigi Trigger` (see `nodeStaticData`).
	 */
	staticData?: IDataObject;
	/** n8n's binary-data mode: `memory` keeps bytes in the item, `stored` keeps an id. */
	binaryMode?: 'memory' | 'stored';
	nodeId?: string;
	/**
	 * Id of the workflow. The trigger remembers emitted keys per workflow and node id in its
	 * module, so the default is a new id per call: calls without one share no emitted keys.
	 */
	workflowId?: string;
	/** n8n's execution mode: `webhook` for the production URL (default), `manual` for the test URL. */
	mode?: WorkflowExecuteMode;
}

export interface LogEntry {
	level: 'debug' | 'info' | 'warn' | 'error';
	message: string;
	meta?: unknown;
}

export interface WebhookOutcome {
	result: IWebhookResponseData;
	/** HTTP status n8n sends: the one webhook() wrote, or 200 for a returned webhookResponse. */
	status: number;
	/** HTTP body n8n sends. */
	body: unknown;
	logs: LogEntry[];
	/** Paths handed to `nodeHelpers.copyBinaryFile`. */
	copiedFiles: string[];
}

/** Decodes a query string like Express's query parser: `+` is a space, repeats become arrays. */
export function parseQuery(rawQuery: string): IDataObject {
	const query: IDataObject = {};
	for (const [key, value] of new URLSearchParams(rawQuery)) {
		const previous = query[key];
		if (previous === undefined) query[key] = value;
		else query[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
	}
	return query;
}

function recordingLogger(logs: LogEntry[]): Logger {
	const record =
		(level: LogEntry['level']) =>
		(message: string, meta?: unknown): void => {
			logs.push({ level, message, meta });
		};
	return {
		debug: record('debug'),
		info: record('info'),
		warn: record('warn'),
		error: record('error'),
	} as unknown as Logger;
}

interface FakeResponse {
	statusCode?: number;
	body?: unknown;
}

function fakeResponse(state: FakeResponse): ReturnType<IWebhookFunctions['getResponseObject']> {
	const response = {
		status(code: number) {
			state.statusCode = code;
			return response;
		},
		json(body: unknown) {
			state.body = body;
			return response;
		},
	};
	return response as unknown as ReturnType<IWebhookFunctions['getResponseObject']>;
}

let workflowCount = 0;

const NODE: INode = {
	id: 'eigi-trigger-node',
	name: 'Eigi Trigger',
	type: 'n8n-nodes-eigi.eigiTrigger',
	typeVersion: 1.1,
	position: [0, 0],
	parameters: {},
};

interface ContextState {
	logs: LogEntry[];
	copiedFiles: string[];
	response: FakeResponse;
}

function mockContext(
	request: WebhookRequest,
	setup: WebhookSetup,
	fileContents: Map<string, Buffer>,
	state: ContextState,
): IWebhookFunctions {
	const parameters = setup.parameters ?? {};
	const query = { ...parseQuery(request.rawQuery ?? ''), ...(request.query ?? {}) };
	const context = mock<IWebhookFunctions>();
	context.getRequestObject.mockReturnValue({
		method: request.method,
		query,
	} as unknown as ReturnType<IWebhookFunctions['getRequestObject']>);
	context.getQueryData.mockReturnValue(query);
	context.getBodyData.mockReturnValue(request.body as IDataObject);
	context.getHeaderData.mockReturnValue(
		request.contentType ? { 'content-type': request.contentType } : {},
	);
	context.getResponseObject.mockReturnValue(fakeResponse(state.response));
	context.getNodeParameter.mockImplementation(
		(name: string, fallback?: unknown) => (parameters[name] ?? fallback) as never,
	);
	const staticData = setup.staticData ?? {};
	context.getWorkflowStaticData.mockImplementation((type: string) => {
		const key = type === 'global' ? 'global' : `node:${NODE.name}`;
		staticData[key] ??= {};
		return staticData[key] as IDataObject;
	});
	context.getNode.mockReturnValue({ ...NODE, id: setup.nodeId ?? NODE.id });
	context.getWorkflow.mockReturnValue({
		id: setup.workflowId ?? `workflow-${++workflowCount}`,
		name: 'eigi',
		active: true,
	});
	context.getMode.mockReturnValue(setup.mode ?? 'webhook');
	context.getCredentials.mockImplementation(async () => {
		if (setup.token === null) throw new Error('Node "Eigi Trigger" has no credentials set');
		return { token: setup.token ?? '' };
	});
	context.logger = recordingLogger(state.logs);
	installBinaryHelpers(context, fileContents, setup.binaryMode ?? 'memory', state.copiedFiles);
	return context;
}

/**
 * Calls the Eigi Trigger's webhook() with a request shaped as n8n 2.41 hands it over, and returns
 * the HTTP response n8n would send. `fileContents` backs multipart file parts.
 */
export async function callWebhook(
	request: WebhookRequest,
	setup: WebhookSetup = {},
	fileContents: Map<string, Buffer> = new Map(),
): Promise<WebhookOutcome> {
	const state: ContextState = { logs: [], copiedFiles: [], response: {} };
	const context = mockContext(request, setup, fileContents, state);

	const result = await new EigiTrigger().webhook.call(context);
	const responded = result.noWebhookResponse === true;
	return {
		result,
		status: responded ? (state.response.statusCode ?? 200) : 200,
		body: responded ? state.response.body : result.webhookResponse,
		logs: state.logs,
		copiedFiles: state.copiedFiles,
	};
}

/** Returns the trigger's part of a workflow's static data, where n8n keeps node-scope data. */
export function nodeStaticData(staticData: IDataObject): IDataObject | undefined {
	return staticData[`node:${NODE.name}`] as IDataObject | undefined;
}

/** Returns the items of an accepted delivery, or an empty list. */
export function emittedItems(outcome: WebhookOutcome): IDataObject[] {
	return (outcome.result.workflowData?.[0] ?? []).map((item) => item.json);
}
