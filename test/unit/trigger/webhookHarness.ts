import type {
	IBinaryData,
	IDataObject,
	INode,
	IWebhookFunctions,
	IWebhookResponseData,
	Logger,
} from 'n8n-workflow';
import { mock } from 'jest-mock-extended';

import { EigiTrigger } from '../../../nodes/EigiTrigger/EigiTrigger.node';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

/** A file part as n8n's multipart parser leaves it, plus the bytes of its temporary file. */
export interface FilePartSpec {
	content: string | Buffer;
	filename?: string;
	mimetype?: string;
}

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
	/**
	 * The workflow's whole static data, as n8n stores it: the trigger's part is under
	 * `node:Eigi Trigger` (see `nodeStaticData`).
	 */
	/** Stored token of the Eigi Webhook Token credential; `null` makes reading it fail. */
	token?: string | null;
	staticData?: IDataObject;
	/** n8n's binary-data mode: `memory` keeps bytes in the item, `stored` keeps an id. */
	binaryMode?: 'memory' | 'stored';
	nodeId?: string;
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

/** Builds a multipart body as n8n 2.41 hands it to webhook(): `{ data, files }`, single values unwrapped. */
export function multipartBody(
	fields: Array<[string, string]>,
	files: Record<string, FilePartSpec | FilePartSpec[]> = {},
): { body: IDataObject; fileContents: Map<string, Buffer> } {
	const data: IDataObject = {};
	for (const [name, value] of fields) {
		const previous = data[name];
		if (previous === undefined) data[name] = value;
		else data[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
	}

	const fileContents = new Map<string, Buffer>();
	const fileParts: IDataObject = {};
	let counter = 0;
	for (const [name, spec] of Object.entries(files)) {
		const parts = (Array.isArray(spec) ? spec : [spec]).map((part) => {
			const filepath = `/tmp/formidable-upload-${++counter}`;
			const bytes = Buffer.isBuffer(part.content)
				? part.content
				: Buffer.from(part.content, 'utf8');
			fileContents.set(filepath, bytes);
			return {
				filepath,
				originalFilename: part.filename ?? 'payload.json',
				mimetype: part.mimetype ?? 'application/json',
				size: bytes.length,
			};
		});
		fileParts[name] = parts.length === 1 ? parts[0] : parts;
	}
	return { body: { data, files: fileParts }, fileContents };
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

type BinaryStream = Awaited<ReturnType<IWebhookFunctions['helpers']['getBinaryStream']>>;

// Yields the bytes as one chunk, in place of the Readable that n8n's binary-data store returns.
function streamOf(bytes: Buffer): BinaryStream {
	async function* chunks() {
		yield bytes;
	}
	return chunks() as unknown as BinaryStream;
}

function binaryHelpers(
	context: ReturnType<typeof mock<IWebhookFunctions>>,
	fileContents: Map<string, Buffer>,
	mode: 'memory' | 'stored',
	copiedFiles: string[],
): void {
	const stored = new Map<string, Buffer>();
	const copyBinaryFile = jest.fn(
		async (filePath: string, fileName: string, mimeType?: string): Promise<IBinaryData> => {
			copiedFiles.push(filePath);
			const bytes = fileContents.get(filePath);
			if (!bytes) throw new Error(`ENOENT: no such file, open '${filePath}'`);
			if (mode === 'memory') {
				return { data: bytes.toString('base64'), mimeType: mimeType ?? '', fileName };
			}
			const id = `filesystem-v2:workflows/1/executions/temp/binary_data/${stored.size + 1}`;
			stored.set(id, bytes);
			return { id, data: 'filesystem-v2', mimeType: mimeType ?? '', fileName };
		},
	);
	context.nodeHelpers = { copyBinaryFile };

	context.helpers.getBinaryStream = jest.fn(async (id: string) => {
		const bytes = stored.get(id);
		if (!bytes) throw new Error(`unknown binary data id ${id}`);
		return streamOf(bytes);
	});
	context.helpers.binaryToBuffer = jest.fn(async (body: Buffer | BinaryStream) => {
		if (Buffer.isBuffer(body)) return body;
		const chunks: Buffer[] = [];
		for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
		return Buffer.concat(chunks);
	});
}

const NODE: INode = {
	id: 'eigi-trigger-node',
	name: 'Eigi Trigger',
	type: 'n8n-nodes-eigi.eigiTrigger',
	typeVersion: 1.1,
	position: [0, 0],
	parameters: {},
};

/**
 * Calls the Eigi Trigger's webhook() with a request shaped as n8n 2.41 hands it over, and returns
 * the HTTP response n8n would send. `fileContents` backs multipart file parts.
 */
export async function callWebhook(
	request: WebhookRequest,
	setup: WebhookSetup = {},
	fileContents: Map<string, Buffer> = new Map(),
): Promise<WebhookOutcome> {
	const logs: LogEntry[] = [];
	const copiedFiles: string[] = [];
	const responseState: FakeResponse = {};
	const parameters = setup.parameters ?? {};
	const query = { ...parseQuery(request.rawQuery ?? ''), ...(request.query ?? {}) };
	const headers = request.contentType ? { 'content-type': request.contentType } : {};

	const context = mock<IWebhookFunctions>();
	context.getRequestObject.mockReturnValue({
		method: request.method,
		query,
	} as unknown as ReturnType<IWebhookFunctions['getRequestObject']>);
	context.getQueryData.mockReturnValue(query);
	context.getBodyData.mockReturnValue(request.body as IDataObject);
	context.getHeaderData.mockReturnValue(headers);
	context.getResponseObject.mockReturnValue(fakeResponse(responseState));
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
	context.getWorkflow.mockReturnValue({ id: 'workflow-1', name: 'eigi', active: true });
	context.getCredentials.mockImplementation(async () => {
		if (setup.token === null) throw new Error('Node "Eigi Trigger" has no credentials set');
		return { token: setup.token ?? '' };
	});
	context.logger = recordingLogger(logs);
	binaryHelpers(context, fileContents, setup.binaryMode ?? 'memory', copiedFiles);

	const result = await new EigiTrigger().webhook.call(context);
	const answered = result.noWebhookResponse === true;
	return {
		result,
		status: answered ? (responseState.statusCode ?? 200) : 200,
		body: answered ? responseState.body : result.webhookResponse,
		logs,
		copiedFiles,
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
