import type { IDataObject } from 'n8n-workflow';

import type { RequestTarget } from './advice';

/** Per-request limits, from the node's Options. */
export interface RetrySettings {
	maxAttempts: number;
	maxRetryTimeMs: number;
	timeoutMs: number;
}

/** One call of eigi's public API. */
export interface ApiRequest {
	method: 'GET' | 'POST';
	/** Path under the base URL, such as `/v1/public/conversations`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Advice for a 404, naming what was not found. */
	notFoundAdvice?: string;
	/** Advice for a failure of a request that is not retried because it must not run twice. */
	notRepeatedAdvice?: string;
}

/** Destination of a request, with the facts its retries and error messages depend on. */
export interface Target {
	kind: RequestTarget;
	label: string;
	host: string;
	idempotent: boolean;
	authenticated: boolean;
	notFoundAdvice?: string;
	notRepeatedAdvice?: string;
}
