import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestTarget } from './advice';
import type { AttemptOutcome } from './attempt';
import { sendAttempt } from './attempt';
import type { ClientConfig } from './config';
import { readClientConfig } from './config';
import type { FailureContext } from './errors';
import { httpError, networkError } from './errors';
import type { RequestRateLimiter } from './rateLimiter';
import type { RetryDecision } from './retryPolicy';
import { backoffDelay, decideOnNetworkError, decideOnStatus, parseRetryAfter } from './retryPolicy';
import { timing } from './timing';

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

interface Target {
	kind: RequestTarget;
	label: string;
	host: string;
	idempotent: boolean;
	authenticated: boolean;
	notFoundAdvice?: string;
	notRepeatedAdvice?: string;
}

/**
 * The one HTTP client of the Eigi node. Every request waits for the shared rate limiter, gets a
 * timeout, and is retried on 429 (after Retry-After), on 5xx and on network errors (exponential
 * backoff with jitter) within the attempt and time limits. Requests that must not run twice
 * (POST) are retried only when eigi cannot have acted on them. Errors are NodeApiErrors that
 * never contain the API key.
 */
export class EigiClient {
	private config?: Promise<ClientConfig>;

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly limiter: RequestRateLimiter,
	) {}

	/** Calls eigi's API with the `eigiApi` credential and returns the response body. */
	async request(itemIndex: number, request: ApiRequest, settings: RetrySettings): Promise<unknown> {
		const config = await this.configFor(itemIndex);
		const options: IHttpRequestOptions = {
			method: request.method,
			url: `${config.baseUrl}${request.path}`,
			qs: request.qs,
			body: request.body,
			json: true,
			// Redirects are not followed: the API key header would go along to the new host.
			disableFollowRedirect: true,
		};
		const target: Target = {
			kind: 'api',
			label: `${request.method} ${request.path}`,
			host: config.host,
			idempotent: request.method === 'GET',
			authenticated: true,
			notFoundAdvice: request.notFoundAdvice,
			notRepeatedAdvice: request.notRepeatedAdvice,
		};
		const outcome = await this.send(itemIndex, options, target, settings, config);
		return outcome.body;
	}

	/** Downloads a file from a URL outside eigi, such as a recording, without any credential. */
	async download(
		itemIndex: number,
		url: URL,
		settings: RetrySettings,
	): Promise<{ data: Buffer; contentType?: string }> {
		const config = await this.configFor(itemIndex);
		const options: IHttpRequestOptions = { method: 'GET', url: url.href, encoding: 'arraybuffer' };
		const target: Target = {
			kind: 'recording',
			label: `GET recording from ${url.host}`,
			host: url.host,
			idempotent: true,
			authenticated: false,
		};
		const outcome = await this.send(itemIndex, options, target, settings, config);
		const contentType = outcome.headers['content-type'];
		return {
			data: Buffer.from(outcome.body as ArrayBuffer),
			contentType: typeof contentType === 'string' ? contentType : undefined,
		};
	}

	private async configFor(itemIndex: number): Promise<ClientConfig> {
		this.config = this.config ?? readClientConfig(this.context, itemIndex);
		return await this.config;
	}

	private async send(
		itemIndex: number,
		options: IHttpRequestOptions,
		target: Target,
		settings: RetrySettings,
		config: ClientConfig,
	): Promise<Extract<AttemptOutcome, { kind: 'response' }>> {
		const abortSignal = this.context.getExecutionCancelSignal();
		const startedAt = timing.now();
		const deadline = startedAt + settings.maxRetryTimeMs;
		const request = { ...options, timeout: settings.timeoutMs };

		for (let attempt = 1; attempt <= settings.maxAttempts; attempt++) {
			const waitedMs = await this.limiter.acquire(abortSignal);
			if (waitedMs > 0) {
				this.context.logger.debug(
					`eigi node: ${target.label} waited ${waitedMs} ms for the rate limit`,
					{ itemIndex },
				);
			}

			const credentials = target.authenticated ? config.credentials : undefined;
			const outcome = await sendAttempt(this.context, request, credentials);
			const decision = decide(outcome, target.idempotent);
			if (decision === 'done' && outcome.kind === 'response') return outcome;

			const failure: FailureContext = {
				target: target.kind,
				itemIndex,
				host: target.host,
				idempotent: target.idempotent,
				notFoundAdvice: target.notFoundAdvice,
				notRepeatedAdvice: target.notRepeatedAdvice,
				attempts: attempt,
				elapsedMs: timing.now() - startedAt,
				timeoutMs: settings.timeoutMs,
				secrets: config.secrets,
			};
			const remainingMs = deadline - timing.now();
			if (decision === 'fail' || attempt === settings.maxAttempts || remainingMs <= 0) {
				throw this.errorFor(outcome, failure);
			}

			const waitMs = this.retryWait(outcome, attempt, remainingMs);
			this.logRetry(target, outcome, attempt, settings.maxAttempts, waitMs, itemIndex);
			await timing.sleep(waitMs, abortSignal);
		}
		throw new NodeOperationError(this.context.getNode(), 'Max Attempts must be at least 1', {
			itemIndex,
			description: 'Set Options → Max Attempts to 1 or more.',
		});
	}

	// The wait is cut to the time left. A 429 pauses every request of this execution for as long,
	// since they share eigi's per-key limit.
	private retryWait(outcome: AttemptOutcome, attempt: number, remainingMs: number): number {
		const now = timing.now();
		const retryAfter =
			outcome.kind === 'response'
				? parseRetryAfter(outcome.headers['retry-after'], now)
				: undefined;
		const waitMs = Math.min(retryAfter ?? backoffDelay(attempt, timing.random), remainingMs);
		if (outcome.kind === 'response' && outcome.statusCode === 429) {
			this.limiter.pauseUntil(now + waitMs);
		}
		return waitMs;
	}

	private errorFor(outcome: AttemptOutcome, failure: FailureContext): NodeApiError {
		const node = this.context.getNode();
		if (outcome.kind === 'response') return httpError(node, outcome, failure);
		return networkError(node, outcome.code, failure);
	}

	private logRetry(
		target: Target,
		outcome: AttemptOutcome,
		attempt: number,
		maxAttempts: number,
		waitMs: number,
		itemIndex: number,
	): void {
		const reason =
			outcome.kind === 'response'
				? `HTTP ${outcome.statusCode}`
				: (outcome.code ?? 'network error');
		this.context.logger.warn(
			`eigi node: ${target.label} failed with ${reason}; retrying in ${waitMs} ms (attempt ${attempt + 1} of ${maxAttempts})`,
			{ itemIndex, reason, waitMs, attempt },
		);
	}
}

function decide(outcome: AttemptOutcome, idempotent: boolean): RetryDecision {
	if (outcome.kind === 'response') return decideOnStatus(outcome.statusCode, idempotent);
	if (outcome.cancelled) return 'fail';
	return decideOnNetworkError(outcome.code, idempotent);
}
