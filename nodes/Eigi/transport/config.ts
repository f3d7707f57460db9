import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Connection settings read from the `eigiApi` credential. */
export interface ClientConfig {
	baseUrl: string;
	host: string;
	/** Values to strip from every error message. */
	secrets: string[];
	/**
	 * The credential as read once, handed to every request so n8n does not load and decrypt it
	 * again per request.
	 */
	credentials: ICredentialsDecrypted;
}

/**
 * Reads the credential's base URL. Trailing slashes are dropped, and so is a trailing `/v1`:
 * older eigi docs give the host as `https://prod.eigi.ai/v1`, while the node adds `/v1/…` itself.
 */
export async function readClientConfig(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<ClientConfig> {
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(
		'eigiApi',
		itemIndex,
	);
	const raw = String(credentials.baseUrl ?? '').trim();
	const baseUrl = raw.replace(/\/+$/, '').replace(/\/v1$/i, '');

	let host: string;
	try {
		const parsed = new URL(baseUrl);
		if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('scheme');
		host = parsed.host;
	} catch {
		throw new NodeOperationError(
			context.getNode(),
			`The Base URL "${raw}" in the Eigi API credential is not a valid http(s) URL`,
			{
				itemIndex,
				description: 'Set Base URL to https://api.eigi.ai unless eigi gave you another.',
			},
		);
	}

	const reference = context.getNode().credentials?.eigiApi;
	return {
		baseUrl,
		host,
		secrets: [String(credentials.apiKey ?? '')],
		credentials: {
			id: reference?.id ?? '',
			name: reference?.name ?? 'Eigi API',
			type: 'eigiApi',
			data: credentials,
		},
	};
}
