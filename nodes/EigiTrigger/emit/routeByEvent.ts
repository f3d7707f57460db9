import type { INodeExecutionData } from 'n8n-workflow';

import { EIGI_EVENTS } from '../delivery/schema';

/**
 * Splits items into the three outputs Completed, Disconnected and Failed, in that order, or
 * returns them on one output. An item whose `event` matches none of the three (possible only for
 * items that did not come from webhook(), such as pinned data) goes to the first output.
 */
export function routeByEvent(
	items: INodeExecutionData[],
	outputPerEvent: boolean,
): INodeExecutionData[][] {
	if (!outputPerEvent) return [items];

	const outputs: INodeExecutionData[][] = EIGI_EVENTS.map(() => []);
	for (const item of items) {
		const index = EIGI_EVENTS.indexOf(item.json.event as (typeof EIGI_EVENTS)[number]);
		outputs[Math.max(index, 0)].push(item);
	}
	return outputs;
}
