import type { IDataObject } from 'n8n-workflow';

export type DeliveryField = [string, string | { file: string; fileName?: string; type?: string }];

export interface DeliveryRequest {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	format?: 'query' | 'multipart' | 'urlencoded' | 'json' | 'raw';
	fields?: DeliveryField[];
	rawQuery?: string;
	body?: string | IDataObject;
	contentType?: string;
}

export interface DeliveryResponse {
	status: number;
	body: IDataObject | null;
	text: string;
	contentType: string | null;
}

export interface ExecutedBinary {
	id?: string;
	data?: string;
	mimeType?: string;
	fileName?: string;
	fileSize?: string;
	fileExtension?: string;
}

export interface ExecutedItem {
	json: IDataObject;
	binary: Record<string, ExecutedBinary>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

export interface ExecutionError {
	message?: string;
	description?: string;
	httpCode?: string;
	name?: string;
}

export interface NodeRun {
	outputs: ExecutedItem[][];
	error?: ExecutionError;
}

export interface Execution {
	id: number;
	status: string;
	mode: string;
	finished: boolean;
	error?: ExecutionError;
	nodes: Record<string, NodeRun[]>;
}

export interface StandInRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	receivedAt: string;
	status?: number;
}

export interface E2eRun {
	n8nUrl: string;
	userFolder: string;
	standInUrl: string;
	apiKey: string;
	limitedApiKey: string;
	webhookToken: string;
	logPath: string;
	timings: { importMs: number; readinessMs: number; publishMs: number };
}

export function e2eRun(): E2eRun;
export function workflow(key: string): { id: string; webhookUrl: string; webhookUrls: string[] };
export function samplePayload(
	event: string,
	overrides?: IDataObject,
): IDataObject & { conversation_id: string };
export function deliveryFields(event: string, payload: IDataObject | string): DeliveryField[];
export function sendDelivery(url: string, request?: DeliveryRequest): Promise<DeliveryResponse>;
export function lastExecutionId(workflowId: string): Promise<number>;
export function readExecutions(workflowId: string, afterId?: number): Promise<Execution[]>;
export function waitForExecutions(
	workflowId: string,
	options: { afterId: number; count: number; timeoutMs?: number },
): Promise<Execution[]>;
export function standInRequests(pathPrefix?: string): Promise<StandInRequest[]>;
export function standInOutboundCalls(): Promise<
	Array<{ agent_id: string; mobile_number: string; metadata: IDataObject }>
>;
export function registerConversation(
	conversationId: string,
	conversation: IDataObject,
): Promise<IDataObject>;
export function setStandInConfig(config: {
	latencyMs?: number;
	rateLimitPerMinute?: number;
	listPagination?: 'top' | 'nested';
}): Promise<IDataObject>;
export function loadedNodeTypes(
	prefix: string,
): Array<IDataObject & { name: string; displayName: string }>;
export function binaryBytes(binary: ExecutedBinary): Buffer;
export function n8nLog(): string;
export function clearStandInRequests(): Promise<IDataObject>;
