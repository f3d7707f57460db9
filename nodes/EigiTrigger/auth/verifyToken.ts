import type { IWebhookFunctions } from 'n8n-workflow';

import type { QueryToken } from './token';
import { readQueryToken, TOKEN_CREDENTIAL_TYPE, tokensMatch } from './token';

export type TokenVerdict = { accepted: true } | { accepted: false; message: string };

async function readStoredToken(context: IWebhookFunctions): Promise<string | undefined> {
	try {
		const credentials = await context.getCredentials<{ token?: unknown }>(TOKEN_CREDENTIAL_TYPE);
		return typeof credentials.token === 'string' ? credentials.token : undefined;
	} catch (error) {
		context.logger.error('Eigi Trigger could not read its webhook token credential', {
			node: context.getNode().name,
			error: error instanceof Error ? error.message : String(error),
		});
		return undefined;
	}
}

// None of these messages contains a received value, because a misplaced token may be in it.
function describeUnusableToken(received: Exclude<QueryToken, { status: 'present' }>): string {
	if (received.status === 'conflicting') {
		return `The \`token\` query parameter was sent ${received.count} times with different values. Send it once: ?token=<your token>.`;
	}
	if (received.status === 'notString') {
		return 'The `token` query parameter is not a plain value (bracket syntax such as token[x]= builds an object). Send it as ?token=<your token>.';
	}
	return 'The request has no `token` query parameter. Append ?token=<your token> to the URL entered in eigi → Webhooks.';
}

/**
 * Checks the `token` query parameter against the Eigi Webhook Token credential. Never logs or
 * returns either token. A missing or empty stored token rejects every delivery, so a broken
 * credential cannot open the webhook to anyone.
 */
export async function verifyToken(context: IWebhookFunctions): Promise<TokenVerdict> {
	const expected = await readStoredToken(context);
	if (expected === undefined || expected === '') {
		return {
			accepted: false,
			message:
				'Token authentication is on, but the trigger has no usable token credential. Select an Eigi Webhook Token credential with a non-empty token.',
		};
	}

	const received = readQueryToken(context.getQueryData());
	if (received.status !== 'present') {
		return { accepted: false, message: describeUnusableToken(received) };
	}

	if (!tokensMatch(received.token, expected)) {
		return {
			accepted: false,
			message:
				'The `token` query parameter does not match the token stored in the trigger’s credential.',
		};
	}
	return { accepted: true };
}
