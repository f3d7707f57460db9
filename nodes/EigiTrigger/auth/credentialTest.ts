import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { describeTokenProblem } from './token';

/**
 * Tests an Eigi Webhook Token credential. eigi cannot be asked about the token (it only ever
 * sends it back inside the URL), so the test checks that the token is long enough and can be
 * pasted into a URL without encoding.
 */
export async function eigiWebhookTokenApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = describeTokenProblem(credential.data?.token);
	if (problem !== undefined) {
		return { status: 'Error', message: problem };
	}
	return {
		status: 'OK',
		message: 'The token is usable. Append ?token= and the token to the URL entered in eigi.',
	};
}
