import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

import { EigiApi } from '../../../credentials/EigiApi.credentials';
import { EigiTrigger } from '../../../nodes/EigiTrigger/EigiTrigger.node';
import type { EngineRunResult } from '../../support/engine';
import { runNode } from '../../support/engine';

export interface ExecuteOptions {
	parameters?: IDataObject;
	staticData?: IDataObject;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
}

/**
 * Runs the Eigi Trigger's execute() in n8n-core's WorkflowExecute with what webhook() returned,
 * the way n8n runs it inside the execution a delivery starts.
 */
export async function runExecute(
	workflowData: INodeExecutionData[][] | undefined,
	options: ExecuteOptions = {},
): Promise<EngineRunResult> {
	if (!workflowData) throw new Error('webhook() returned no items, so no execution would start');
	return await runNode({
		nodeType: new EigiTrigger(),
		typeVersion: 1.1,
		parameters: (options.parameters ?? {}) as INodeParameters,
		asStartNode: true,
		inputs: workflowData,
		staticData: options.staticData,
		credentials: options.credentials,
		credentialTypes: [new EigiApi()],
		mode: 'webhook',
	});
}
