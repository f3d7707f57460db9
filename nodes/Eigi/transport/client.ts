import type { IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ClientConfig } from './config';
import { readClientConfig } from './config';
import type { RequestRateLimiter } from './rateLimiter';
import { RetryingSender } from './retryingSender';
import type { ApiRequest, RetrySettings, Target } from './types';

export type { ApiRequest, RetrySettings } from './types';

/**
 * The one HTTP client of the Eigi node. Every request waits for the shared rate limiter, gets a
 * timeout, and is retried on 429 (after Retry-After), on 5xx and on network errors (exponential
 * backoff with jitter) within the attempt and time limits. Requests that must not run twice
 * (POST) are retried only when eigi cannot have acted on them. Errors are NodeApiErrors that
 * never contain the API key.
 */
export class EigiClient {
	private config?: Promise<ClientConfig>;

	private readonly sender: RetryingSender;

	constructor(
		private readonly context: IExecuteFunctions,
		limiter: RequestRateLimiter,
	) {
		this.sender = new RetryingSender(context, limiter);
	}

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
		const outcome = await this.sender.send(itemIndex, options, target, settings, config);
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
		const outcome = await this.sender.send(itemIndex, options, target, settings, config);
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
}
