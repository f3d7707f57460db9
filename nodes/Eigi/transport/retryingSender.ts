import type { IExecuteFunctions, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { envelopeErrorMessage } from '../helpers/envelope';
import type { AttemptOutcome } from './attempt';
import { sendAttempt } from './attempt';
import type { ClientConfig } from './config';
import type { FailureContext } from './errors';
import { httpError, networkError, reportedError } from './errors';
import type { RequestRateLimiter } from './rateLimiter';
import type { RetryDecision } from './retryPolicy';
import { backoffDelay, decideOnNetworkError, decideOnStatus, parseRetryAfter } from './retryPolicy';
import { timing } from './timing';
import type { RetrySettings, Target } from './types';

/** A response with a 2xx status. */
export type SuccessfulResponse = Extract<AttemptOutcome, { kind: 'response' }>;

/**
 * Sends a request until it succeeds, fails for good, or runs out of attempts or retry time.
 * Every attempt first waits for the shared rate limiter.
 */
export class RetryingSender {
	constructor(
		private readonly context: IExecuteFunctions,
		private readonly limiter: RequestRateLimiter,
	) {}

	async send(
		itemIndex: number,
		options: IHttpRequestOptions,
		target: Target,
		settings: RetrySettings,
		config: ClientConfig,
	): Promise<SuccessfulResponse> {
		const abortSignal = this.context.getExecutionCancelSignal();
		const startedAt = timing.now();
		const deadline = startedAt + settings.maxRetryTimeMs;
		const request = { ...options, timeout: settings.timeoutMs };
		const failure: Omit<FailureContext, 'attempts' | 'elapsedMs'> = {
			target: target.kind,
			itemIndex,
			host: target.host,
			idempotent: target.idempotent,
			notFoundAdvice: target.notFoundAdvice,
			notRepeatedAdvice: target.notRepeatedAdvice,
			timeoutMs: settings.timeoutMs,
			secrets: config.secrets,
		};

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
			if (decision === 'done' && outcome.kind === 'response') {
				const elapsedMs = timing.now() - startedAt;
				this.rejectReportedError(outcome, target, { ...failure, attempts: attempt, elapsedMs });
				return outcome;
			}

			const remainingMs = deadline - timing.now();
			if (decision === 'fail' || attempt === settings.maxAttempts || remainingMs <= 0) {
				const elapsedMs = timing.now() - startedAt;
				throw this.errorFor(outcome, { ...failure, attempts: attempt, elapsedMs });
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

	// eigi may send `"status": "error"` with a 2xx code; that is a failure, and it is not retried.
	private rejectReportedError(
		outcome: SuccessfulResponse,
		target: Target,
		failure: FailureContext,
	): void {
		const reported = target.kind === 'api' ? envelopeErrorMessage(outcome.body) : undefined;
		if (reported !== undefined) throw reportedError(this.context.getNode(), reported, failure);
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
