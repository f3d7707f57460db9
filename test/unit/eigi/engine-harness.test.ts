import nock from 'nock';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { EigiApi } from '../../../credentials/EigiApi.credentials';
import { runNode } from '../../support/engine';
import { useNock } from '../../support/useNock';

class Probe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Calls the eigi API once per item',
		usableAsTool: true,
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'eigiApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/x' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const path = this.getNodeParameter('path', i) as string;
			if (path === '/fail')
				throw new NodeOperationError(this.getNode(), 'probe failed', { itemIndex: i });
			this.logger.info('probe request', { path });
			const credentials = await this.getCredentials('eigiApi', i);
			const body = await this.helpers.httpRequestWithAuthentication.call(this, 'eigiApi', {
				method: 'GET',
				url: `${credentials.baseUrl as string}${path}`,
				json: true,
			});
			out.push({ json: body, pairedItem: { item: i } });
		}
		return [out];
	}
}

useNock();

describe('engine harness', () => {
	it('applies generic credential auth and resolves expressions', async () => {
		const scope = nock('https://api.eigi.test')
			.get('/c/7')
			.matchHeader('x-api-key', 'vk_probe')
			.reply(200, { ok: true });
		const result = await runNode({
			nodeType: new Probe(),
			parameters: { path: '=/c/{{ $json.n }}' },
			credentials: { eigiApi: { apiKey: 'vk_probe', baseUrl: 'https://api.eigi.test' } },
			credentialTypes: [new EigiApi()],
			input: [{ json: { n: 7 } }],
		});
		expect(result.error).toBeUndefined();
		expect(result.outputs[0]).toEqual([{ json: { ok: true }, pairedItem: { item: 0 } }]);
		expect(result.logs).toContainEqual({
			level: 'info',
			message: 'probe request',
			meta: { path: '/c/7' },
		});
		expect(scope.isDone()).toBe(true);
	});

	it('reports a thrown error', async () => {
		const result = await runNode({
			nodeType: new Probe(),
			parameters: { path: '/fail' },
			credentials: { eigiApi: { apiKey: 'vk_probe', baseUrl: 'https://api.eigi.test' } },
			credentialTypes: [new EigiApi()],
		});
		expect(result.error?.message).toBe('probe failed');
		expect(result.outputs).toEqual([]);
		expect(result.logs.some((entry) => entry.message.includes('probe failed'))).toBe(true);
	});

	// n8n's own behaviour when a node throws although "On Error" is "Continue": the error is
	// recorded and the input items pass through unchanged, so nodes must build error items.
	it('passes input through when a node throws under continueOnFail', async () => {
		const result = await runNode({
			nodeType: new Probe(),
			parameters: { path: '/fail' },
			credentials: { eigiApi: { apiKey: 'vk_probe', baseUrl: 'https://api.eigi.test' } },
			credentialTypes: [new EigiApi()],
			input: [{ json: { n: 1 } }],
			continueOnFail: true,
		});
		expect(result.error?.message).toBe('probe failed');
		expect(result.outputs[0]).toEqual([expect.objectContaining({ json: { n: 1 } })]);
	});

	it('runs the node as start node with the given input', async () => {
		const scope = nock('https://api.eigi.test').get('/start').reply(200, { started: true });
		const result = await runNode({
			nodeType: new Probe(),
			parameters: { path: '={{ $json.path }}' },
			credentials: { eigiApi: { apiKey: 'vk_probe', baseUrl: 'https://api.eigi.test' } },
			credentialTypes: [new EigiApi()],
			asStartNode: true,
			inputs: [[{ json: { path: '/start' } }]],
		});
		expect(result.outputs[0]).toEqual([{ json: { started: true }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});

	it('fills credential fields from their defaults', async () => {
		const scope = nock('https://api.eigi.ai').get('/v1/ping').reply(200, { pong: true });
		const result = await runNode({
			nodeType: new Probe(),
			parameters: { path: '/v1/ping' },
			credentials: { eigiApi: { apiKey: 'vk_probe' } },
			credentialTypes: [new EigiApi()],
		});
		expect(result.outputs[0]).toEqual([{ json: { pong: true }, pairedItem: { item: 0 } }]);
		expect(scope.isDone()).toBe(true);
	});
});
