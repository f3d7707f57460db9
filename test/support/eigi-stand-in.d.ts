import type { IDataObject } from 'n8n-workflow';

export interface StandInOptions {
	/** 0 picks a free port. */
	port?: number;
	/** Delay added to every response, in milliseconds. */
	latencyMs?: number;
	/** Requests per minute allowed per API key; 0 means no limit. */
	rateLimitPerMinute?: number;
	/** Where the list endpoint puts total, page, page_size and total_pages. */
	listPagination?: 'top' | 'nested';
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	receivedAt: string;
	/** Status code of the response; set when the stand-in has decided it. */
	status?: number;
}

export interface StandIn {
	url: string;
	port: number;
	requests: RecordedRequest[];
	outboundCalls: Array<{ agent_id: string; mobile_number: string; metadata: IDataObject }>;
	setConfig(partial: Omit<StandInOptions, 'port'>): void;
	reset(): void;
	close(): Promise<void>;
}

export function startStandIn(options?: StandInOptions): Promise<StandIn>;
