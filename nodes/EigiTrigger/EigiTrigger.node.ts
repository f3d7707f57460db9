import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { eigiWebhookTokenApiTest } from './auth/credentialTest';
import { outputsExpression, triggerProperties, webhookDescriptions } from './description';
import { emitDeliveries } from './emit/emitDeliveries';
import { conversationFetcher } from './emit/fetchConversation';
import { handleDelivery } from './webhook/handleDelivery';

export class EigiTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Eigi Trigger',
		name: 'eigiTrigger',
		icon: { light: 'file:../../icons/eigi.svg', dark: 'file:../../icons/eigi.dark.svg' },
		group: ['trigger'],
		version: 1.1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when an eigi conversation completes, disconnects or fails',
		defaults: { name: 'Eigi Trigger' },
		activationMessage:
			'Paste the Production URL into eigi → Webhooks. eigi’s deliveries now start executions.',
		inputs: [],
		outputs: outputsExpression,
		credentials: [
			{
				name: 'eigiWebhookTokenApi',
				required: true,
				testedBy: 'eigiWebhookTokenApiTest',
				displayOptions: { show: { authentication: ['token'] } },
			},
			{
				name: 'eigiApi',
				required: true,
				displayOptions: { show: { enrich: [true] } },
			},
		],
		webhooks: webhookDescriptions,
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { eigiWebhookTokenApiTest },
	};

	// eigi has no API to register webhooks: the user pastes the URL into eigi → Webhooks. There is
	// nothing to check, create or delete on eigi's side, so all three report success.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this);
	}

	// n8n calls execute() of a webhook trigger inside the execution, with what webhook() returned.
	// De-duplication state is written here rather than in webhook(): n8n 2.41 drops a static-data
	// change made in webhook() when the delivery starts an execution and the workflow already has
	// static data, and saves one made here when the execution ends.
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await emitDeliveries(this, conversationFetcher(this));
	}
}
