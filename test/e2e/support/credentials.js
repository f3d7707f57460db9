// Credentials imported into the e2e n8n. Workflow files under test/e2e/workflows refer to them by
// these ids; the URLs are known only at run time.
const { randomBytes } = require('node:crypto');

const CREDENTIAL_IDS = {
	standIn: 'eigiApiStandIn01',
	apiDown: 'eigiApiDown00001',
	invalidKey: 'eigiApiInvalid01',
	webhookToken: 'eigiWebhookTok01',
};

/**
 * Builds the credentials: `eigiApi` against the stand-in, `eigiApi` against a closed port (API
 * down), `eigiApi` with a key the stand-in rejects, and the trigger's webhook token.
 */
function buildCredentials({ standInUrl, closedPortUrl }) {
	const webhookToken = `e2e-${randomBytes(18).toString('base64url')}`;
	const apiKey = `vk_e2e_${randomBytes(12).toString('hex')}`;
	const credentials = [
		{
			id: CREDENTIAL_IDS.standIn,
			name: 'Eigi API (stand-in)',
			type: 'eigiApi',
			data: { apiKey, baseUrl: standInUrl },
		},
		{
			id: CREDENTIAL_IDS.apiDown,
			name: 'Eigi API (down)',
			type: 'eigiApi',
			data: { apiKey, baseUrl: closedPortUrl },
		},
		{
			id: CREDENTIAL_IDS.invalidKey,
			name: 'Eigi API (invalid key)',
			type: 'eigiApi',
			data: { apiKey: 'vk_invalid_e2e', baseUrl: standInUrl },
		},
		{
			id: CREDENTIAL_IDS.webhookToken,
			name: 'Eigi webhook token',
			type: 'eigiWebhookTokenApi',
			data: { token: webhookToken },
		},
	];
	return { credentials, apiKey, webhookToken };
}

module.exports = { CREDENTIAL_IDS, buildCredentials };
