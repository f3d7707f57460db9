import type { INode, INodeType, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { EigiApi } from '../../../credentials/EigiApi.credentials';

const credential = new EigiApi();

const node: INode = {
	id: 'credential-test-node',
	name: 'Credential Test',
	type: 'n8n-nodes-eigi.eigi',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const nodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
};

/** Evaluates the credential test's base URL the way n8n does, with `$credentials` in scope. */
function testBaseUrl(baseUrl: string): unknown {
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		credential.test.request.baseURL as string,
		'internal',
		{ $credentials: { apiKey: 'vk_test', baseUrl } },
		undefined,
		'',
	);
}

describe('Eigi API credential test request', () => {
	it('lists one conversation', () => {
		expect(credential.test.request.url).toBe('/v1/public/conversations');
		expect(credential.test.request.qs).toEqual({ page: 1, page_size: 1 });
	});

	it.each([
		['https://api.eigi.ai', 'https://api.eigi.ai'],
		['https://api.eigi.ai/', 'https://api.eigi.ai'],
		['https://api.eigi.ai//', 'https://api.eigi.ai'],
		['https://prod.eigi.ai/v1', 'https://prod.eigi.ai'],
		['https://prod.eigi.ai/V1/', 'https://prod.eigi.ai'],
	])('trims base URL %s to %s', (baseUrl, expected) => {
		expect(testBaseUrl(baseUrl)).toBe(expected);
	});

	it('sends the key in the X-API-Key header', () => {
		expect(credential.authenticate.properties.headers).toEqual({
			'X-API-Key': '={{$credentials.apiKey}}',
		});
	});
});
