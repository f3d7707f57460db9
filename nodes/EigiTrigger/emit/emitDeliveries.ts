import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { recordEmitted } from '../deduplication/deduplicate';
import { deduplicationKey } from '../deduplication/keys';
import type { TriggerSettings } from '../settings';
import { readSettings } from '../settings';
import type { ConversationFetcher } from './enrich';
import { enrichDelivery } from './enrich';
import { routeByEvent } from './routeByEvent';
import { simplifyDelivery } from './simplify';

function keyOf(item: INodeExecutionData): string {
	const { json } = item;
	if (typeof json.deduplication_key === 'string') return json.deduplication_key;
	return deduplicationKey(String(json.event), String(json.conversation_id));
}

async function shapeItem(
	context: IExecuteFunctions,
	fetch: ConversationFetcher,
	settings: TriggerSettings,
	item: INodeExecutionData,
	itemIndex: number,
): Promise<INodeExecutionData> {
	let json: IDataObject = { ...item.json, deduplication_key: keyOf(item) };
	if (settings.enrich) json = await enrichDelivery(context, fetch, json, settings, itemIndex);
	if (settings.simplify) json = simplifyDelivery(json);

	const shaped: INodeExecutionData = { json, pairedItem: { item: itemIndex } };
	if (item.binary) shaped.binary = item.binary;
	return shaped;
}

/**
 * The trigger's execute(): n8n runs it inside the execution that a delivery started, with the
 * items webhook() returned as input. It records the deliveries for de-duplication, then
 * enriches, simplifies and routes each item. Enrichment runs here, after n8n has responded to
 * eigi, so a slow API cannot delay the response.
 */
export async function emitDeliveries(
	context: IExecuteFunctions,
	fetch: ConversationFetcher,
): Promise<INodeExecutionData[][]> {
	const settings = readSettings((name, fallback) => context.getNodeParameter(name, 0, fallback));
	for (const problem of settings.problems) context.logger.warn(`Eigi Trigger: ${problem}`);

	const items = context.getInputData();
	recordEmitted(context, settings, items.map(keyOf));

	const shaped: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		shaped.push(await shapeItem(context, fetch, settings, items[itemIndex], itemIndex));
	}
	return routeByEvent(shaped, settings.outputPerEvent);
}
