import type { ICredentialsDecrypted, IExecuteFunctions, IHttpRequestOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Outcome of one HTTP attempt: a response of any status, or a network error code. */
export type AttemptOutcome =
	| {
			kind: 'response';
			statusCode: number;
			statusMessage?: string;
			headers: Record<string, unknown>;
			body: unknown;
	  }
	| { kind: 'network'; code?: string; cancelled: boolean };

interface FullResponse {
	statusCode: number;
	statusMessage?: string;
	headers?: Record<string, unknown>;
	body: unknown;
}

/**
 * Sends one request and never throws for an HTTP status: the client decides on retries and
 * errors itself. With `credentials`, the request goes through n8n's `eigiApi` authentication,
 * which adds the X-API-Key header; without, it is sent with no credential at all.
 */
export async function sendAttempt(
	context: IExecuteFunctions,
	options: IHttpRequestOptions,
	credentials: ICredentialsDecrypted | undefined,
): Promise<AttemptOutcome> {
	const request: IHttpRequestOptions = {
		...options,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	try {
		const response = (
			credentials
				? await context.helpers.httpRequestWithAuthentication.call(context, 'eigiApi', request, {
						credentialsDecrypted: credentials,
					})
				: await context.helpers.httpRequest(request)
		) as FullResponse;
		return {
			kind: 'response',
			statusCode: response.statusCode,
			statusMessage: response.statusMessage,
			headers: response.headers ?? {},
			body: response.body,
		};
	} catch (error) {
		// n8n's own errors, such as a missing credential, are not network failures.
		if (error instanceof NodeOperationError) throw new NodeOperationError(context.getNode(), error);

		const code = errorCode(error);
		return { kind: 'network', code, cancelled: code === 'ERR_CANCELED' };
	}
}

// n8n wraps errors of authenticated requests in a NodeApiError whose `cause` is the axios error;
// plain requests throw the axios error itself. Only the code is kept, because the axios error contains the
// request headers, API key included.
function errorCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const code = (current as { code?: unknown }).code;
		if (typeof code === 'string' && code !== '') return code;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
