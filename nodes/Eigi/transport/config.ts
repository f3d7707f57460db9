import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Connection settings read from the `eigiApi` credential. */
export interface ClientConfig {
	baseUrl: string;
	host: string;
	/** Values to strip from every error message. */
	secrets: string[];
}

/**
 * Reads the credential's base URL. Trailing slashes are dropped, and so is a trailing `/v1`:
 * older eigi docs give the host as `https://prod.eigi.ai/v1`, while the node adds `/v1/…` itself.
 */
export async function readClientConfig(
	context: IExecuteFunctions,
	itemIndex: number,
): Promise<ClientConfig> {
	const credentials = await context.getCredentials<{ apiKey?: string; baseUrl?: string }>(
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

	return { baseUrl, host, secrets: [String(credentials.apiKey ?? '')] };
}
