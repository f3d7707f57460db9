import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { AdviceContext } from './advice';
import { adviceForNetworkError, adviceForStatus } from './advice';
import { messageFromBody } from './errorBody';
import { redactSecrets } from './redact';
import { isTimeoutCode } from './retryPolicy';

/** Facts about a failed request, for the error message and description. */
export interface FailureContext extends AdviceContext {
	itemIndex: number;
	host: string;
	attempts: number;
	elapsedMs: number;
	timeoutMs: number;
	/** Values that must never appear in an error, such as the API key. */
	secrets: string[];
}

/** Builds the error for an HTTP response outside 2xx. */
export function httpError(
	node: INode,
	response: { statusCode: number; statusMessage?: string; body: unknown },
	context: FailureContext,
): NodeApiError {
	const status = response.statusCode;
	const detail = messageFromBody(response.body) ?? response.statusMessage ?? 'no error message';
	const source = context.target === 'api' ? 'The eigi API' : 'The recording host';
	const message = `${source} returned HTTP ${status}: ${detail}`;
	const description = `${adviceForStatus(status, context)}${attemptsNote(context)}`;
	return buildError(node, message, description, context, String(status));
}

/** Builds the error for a 2xx response whose envelope has `"status": "error"`. */
export function reportedError(node: INode, detail: string, context: FailureContext): NodeApiError {
	const message = `The eigi API reported an error: ${detail}`;
	const description =
		'eigi replied with a success code but "status": "error". Check the node\'s parameters against the message above.';
	return buildError(node, message, description, context);
}

/** Builds the error for a request that got no response (timeout, refused, reset). */
export function networkError(
	node: INode,
	code: string | undefined,
	context: FailureContext,
): NodeApiError {
	const source = context.target === 'api' ? 'the eigi API' : 'the recording host';
	if (code === 'ERR_CANCELED') {
		return buildError(
			node,
			`The request to ${source} was cancelled`,
			'The execution was stopped.',
			context,
		);
	}

	const timedOut = isTimeoutCode(code);
	// The code goes to the description: NodeApiError replaces any message that contains a
	// known code such as ECONNRESET with its own generic sentence.
	const message = timedOut
		? `No response from ${source} within ${context.timeoutMs} ms`
		: `Could not connect to ${source} at ${context.host}`;
	const codeNote = code ? ` (error code ${code})` : '';
	const advice = adviceForNetworkError(timedOut, context.host, context);
	const description = `${advice}${attemptsNote(context)}${codeNote}`;
	return buildError(node, message, description, context);
}

function attemptsNote(context: FailureContext): string {
	if (context.attempts <= 1) return '';
	const seconds = (context.elapsedMs / 1000).toFixed(1);
	return ` Tried ${context.attempts} times over ${seconds} s (Options → Max Attempts, Max Retry Time).`;
}

// The error carries only these strings: never the request options, whose headers hold the key.
function buildError(
	node: INode,
	rawMessage: string,
	rawDescription: string,
	context: FailureContext,
	httpCode?: string,
): NodeApiError {
	const message = redactSecrets(rawMessage, context.secrets);
	const description = redactSecrets(rawDescription, context.secrets);
	const response: JsonObject = { message, description };
	if (httpCode) response.httpCode = httpCode;
	return new NodeApiError(node, response, {
		message,
		description,
		httpCode,
		itemIndex: context.itemIndex,
	});
}
