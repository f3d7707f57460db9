// Credentials imported into the e2e n8n. Workflow files under test/e2e/workflows refer to them by
// these ids; the URLs are known only at run time.
const { randomBytes } = require('node:crypto');

const CREDENTIAL_IDS = {
	standIn: 'eigiApiStandIn01',
	apiDown: 'eigiApiDown00001',
	invalidKey: 'eigiApiInvalid01',
	forbiddenKey: 'eigiApiForbidden',
	limitedKey: 'eigiApiLimited01',
	webhookToken: 'eigiWebhookTok01',
};

/**
 * Builds the trigger's webhook token and five `eigiApi` credentials. One points at the stand-in
 * and one at a closed port (API down). The other three use keys the stand-in rejects (401),
 * denies access (403) or limits to 10 requests per minute.
 */
function buildCredentials({ standInUrl, closedPortUrl }) {
	const webhookToken = `e2e-${randomBytes(18).toString('base64url')}`;
	const apiKey = `vk_e2e_${randomBytes(12).toString('hex')}`;
	// The stand-in limits a key named vk_limit_<N>_… to N requests per minute.
	const limitedKey = `vk_limit_10_${randomBytes(12).toString('hex')}`;
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
			id: CREDENTIAL_IDS.forbiddenKey,
			name: 'Eigi API (key without access)',
			type: 'eigiApi',
			data: { apiKey: 'vk_forbidden_e2e', baseUrl: standInUrl },
		},
		{
			id: CREDENTIAL_IDS.limitedKey,
			name: 'Eigi API (10 requests per minute)',
			type: 'eigiApi',
			data: { apiKey: limitedKey, baseUrl: standInUrl },
		},
		{
			id: CREDENTIAL_IDS.webhookToken,
			name: 'Eigi webhook token',
			type: 'eigiWebhookTokenApi',
			data: { token: webhookToken },
		},
	];
	return { credentials, apiKey, limitedKey, webhookToken };
}

module.exports = { CREDENTIAL_IDS, buildCredentials };
