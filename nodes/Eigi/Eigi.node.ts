import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties } from './actions/properties';
import { router } from './actions/router';

export class Eigi implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Eigi',
		name: 'eigi',
		icon: { light: 'file:../../icons/eigi.svg', dark: 'file:../../icons/eigi.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Use eigi.ai voice-AI agents: get conversations, transcripts and recordings, start outbound calls, chat with an agent',
		defaults: { name: 'Eigi' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'eigiApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
