// Talks to a running n8n over HTTP: creates the instance owner and a public-API key, publishes
// workflows, and waits until their webhooks are registered.
const OWNER = {
	email: 'e2e-owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// n8n requires at least 8 characters with a digit and an uppercase letter.
	password: 'E2eOwnerPassw0rd',
};
const API_KEY_SCOPES = [
	'workflow:read',
	'workflow:list',
	'workflow:activate',
	'workflow:deactivate',
	'execution:read',
	'execution:list',
];
const WEBHOOK_TIMEOUT_MS = 60_000;

async function requestJson(url, { method = 'GET', headers = {}, body } = {}) {
	const response = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} ${url} failed with ${response.status}: ${text.slice(0, 500)}`);
	return { json: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Creates the owner account, signs in and returns a public-API key. */
async function createApiKey(baseUrl) {
	const setup = await requestJson(`${baseUrl}/rest/owner/setup`, { method: 'POST', body: OWNER });
	const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
	if (!cookie.startsWith('n8n-auth=')) {
		throw new Error(
			`POST /rest/owner/setup returned no n8n-auth cookie (set-cookie: "${setup.headers.get('set-cookie')}").`,
		);
	}

	const created = await requestJson(`${baseUrl}/rest/api-keys`, {
		method: 'POST',
		headers: { cookie },
		body: { label: 'e2e', expiresAt: null, scopes: API_KEY_SCOPES },
	});
	return created.json.data.rawApiKey;
}

/** Publishes (activates) a workflow through the public API. */
async function activateWorkflow(baseUrl, apiKey, workflowId) {
	await requestJson(`${baseUrl}/api/v1/workflows/${workflowId}/activate`, {
		method: 'POST',
		headers: { 'X-N8N-API-KEY': apiKey },
	});
}

function delay(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Returns the methods n8n has registered on a webhook path, read from a CORS preflight (which
 * starts no execution). An unregistered path returns an empty list.
 */
async function registeredMethods(baseUrl, webhookPath) {
	const response = await fetch(`${baseUrl}/${webhookPath}`, {
		method: 'OPTIONS',
		headers: { Origin: 'http://127.0.0.1', 'Access-Control-Request-Method': 'POST' },
	});
	const allowed = response.headers.get('access-control-allow-methods') ?? '';
	return allowed
		.split(',')
		.map((method) => method.trim())
		.filter((method) => method && method !== 'OPTIONS');
}

/** Waits until every method in `methods` is registered on `webhookPath`. */
async function waitForWebhook(baseUrl, webhookPath, methods) {
	const startedAt = Date.now();
	let found = [];
	while (Date.now() - startedAt < WEBHOOK_TIMEOUT_MS) {
		found = await registeredMethods(baseUrl, webhookPath);
		if (methods.every((method) => found.includes(method))) return Date.now() - startedAt;
		await delay(200);
	}
	throw new Error(
		`Webhook /${webhookPath} did not register ${methods.join(', ')} within ${WEBHOOK_TIMEOUT_MS / 1000} s (registered: ${found.join(', ') || 'none'}). ` +
			'Check the n8n log for activation errors of its workflow.',
	);
}

module.exports = { activateWorkflow, createApiKey, registeredMethods, waitForWebhook };
