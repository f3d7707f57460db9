import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Secret token that the Eigi Trigger expects in the `token` query parameter of each delivery.
 * eigi signs nothing, so a token in the URL entered in eigi is the only way to tell eigi's
 * deliveries from anyone else's. The Eigi Trigger tests this credential (`testedBy`): the test
 * checks the token's length and characters, because eigi offers no endpoint to check it against.
 */
export class EigiWebhookTokenApi implements ICredentialType {
	name = 'eigiWebhookTokenApi';

	displayName = 'Eigi Webhook Token API';

	icon: Icon = { light: 'file:../icons/eigi.svg', dark: 'file:../icons/eigi.dark.svg' };

	documentationUrl = 'https://github.com/eigi-ai/n8n-nodes-eigi#webhook-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A random string of 16 to 512 letters, digits or - . _ ~ (for example from `openssl rand -hex 24`). Append it to the URL entered in eigi as ?token= followed by the token.',
		},
	];
}
