import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EigiClient } from '../transport/client';

/** An operation: its fields and how it runs for one input item. */
export interface EigiOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: EigiClient,
	): Promise<INodeExecutionData[]>;
}
