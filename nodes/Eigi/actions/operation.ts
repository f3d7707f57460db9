import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EigiClient } from '../transport/client';

/** An operation: its fields and how it runs for one input item. */
export interface EigiOperation {
	description: INodeProperties[];
	/**
	 * Returns a key for items that must run one after another in input order, such as messages
	 * of one chat session. Items without a key run concurrently.
	 */
	sequenceKey?(this: IExecuteFunctions, itemIndex: number): string | undefined;
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		client: EigiClient,
	): Promise<INodeExecutionData[]>;
}
