import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class EigiApi implements ICredentialType {
	name = 'eigiApi';

	displayName = 'Eigi API';

	icon: Icon = { light: 'file:../icons/eigi.svg', dark: 'file:../icons/eigi.dark.svg' };

	documentationUrl = 'https://github.com/eigi-ai/n8n-nodes-eigi#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'vk_…',
			description:
				'Key created in the eigi dashboard under Settings → API Keys. eigi shows it only once.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			required: true,
			default: 'https://api.eigi.ai',
			description: 'Root of the eigi API, such as https://api.eigi.ai. A trailing /v1 is ignored.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'X-API-Key': '={{$credentials.apiKey}}',
			},
		},
	};

	// Listing one conversation is the cheapest request that needs a valid key: a wrong or inactive
	// key gets 401, and a key without access to anything still gets 200 with an empty list. The base
	// URL is trimmed as the Eigi node trims it: trailing slashes, then a trailing /v1 (older eigi
	// docs give the host as https://prod.eigi.ai/v1).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "").replace(/\\/v1$/i, "")}}',
			url: '/v1/public/conversations',
			qs: { page: 1, page_size: 1 },
		},
	};
}
