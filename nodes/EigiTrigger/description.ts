import type { INodeProperties, IWebhookDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	DEFAULT_ANALYSIS_MAX_WAIT_SECONDS,
	DEFAULT_DEDUPLICATION_WINDOW_MINUTES,
	MAX_ANALYSIS_MAX_WAIT_SECONDS,
	MAX_DEDUPLICATION_WINDOW_MINUTES,
} from './settings';

// eigi sends with the request type chosen per destination in its dashboard, so one URL serves
// all four. `responseData: ''` makes n8n send the `webhookResponse` that webhook() returns.
export const webhookDescriptions: IWebhookDescription[] = (
	['GET', 'POST', 'PUT', 'PATCH'] as const
).map((httpMethod) => ({
	name: 'default',
	httpMethod,
	path: 'eigi',
	responseMode: 'onReceived',
	responseData: '',
}));

const MAIN = NodeConnectionTypes.Main;

/** One output, or Completed, Disconnected and Failed (in that order) with Output per Event. */
export const outputsExpression: `={{${string}}}` = `={{ $parameter.outputPerEvent ? [{ type: "${MAIN}", displayName: "Completed" }, { type: "${MAIN}", displayName: "Disconnected" }, { type: "${MAIN}", displayName: "Failed" }] : [{ type: "${MAIN}" }] }}`;

const setupNotice: INodeProperties = {
	displayName:
		'Paste this node’s Production URL into eigi: account menu → Webhooks → add a destination. eigi accepts only https:// URLs. Every request type works: GET puts the whole payload, transcript included, into the URL, which proxies may cut off, so choose POST for long calls. With token authentication, append ?token= followed by your token to the URL.',
	name: 'setupNotice',
	type: 'notice',
	default: '',
};

const events: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	required: true,
	default: ['conversation.completed', 'conversation.disconnected', 'conversation.failed'],
	description:
		'Events that start the workflow. eigi sends every event to every destination; other events are answered with 200 and start nothing.',
	options: [
		{
			name: 'Conversation Completed',
			value: 'conversation.completed',
			description: 'The conversation finished successfully',
		},
		{
			name: 'Conversation Disconnected',
			value: 'conversation.disconnected',
			description: 'The conversation ended early or the callee did not answer',
		},
		{
			name: 'Conversation Failed',
			value: 'conversation.failed',
			description: 'The conversation ended in a failed state',
		},
	],
};

const authentication: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	default: 'none',
	options: [
		{ name: 'None', value: 'none', description: 'Accept deliveries from anyone who has the URL' },
		{
			name: 'Token in URL',
			value: 'token',
			description:
				'Accept only deliveries whose URL carries ?token= followed by the credential’s token',
		},
	],
};

const outputPerEvent: INodeProperties = {
	displayName: 'Output per Event',
	name: 'outputPerEvent',
	type: 'boolean',
	default: false,
	description:
		'Whether to send each event to its own output (Completed, Disconnected, Failed) instead of one output',
};

const enrich: INodeProperties = {
	displayName: 'Enrich With Conversation Details',
	name: 'enrich',
	type: 'boolean',
	default: false,
	description:
		'Whether to fetch the conversation from eigi’s API after answering eigi and merge it into the item. A failed fetch still emits the delivery, with enrichment_error set.',
};

const options: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Analysis Max Wait',
			name: 'analysisMaxWait',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_ANALYSIS_MAX_WAIT_SECONDS },
			default: DEFAULT_ANALYSIS_MAX_WAIT_SECONDS,
			description: 'Maximum time, in seconds, to keep fetching while the analysis is still null',
			displayOptions: { show: { '/enrich': [true], waitForAnalysis: [true] } },
		},
		{
			displayName: 'Deduplicate',
			name: 'deduplicate',
			type: 'boolean',
			default: true,
			description:
				'Whether to answer a repeated delivery (same event and conversation_id within the window) with 200 and start nothing. eigi retries up to 4 times, 10 s apart.',
		},
		{
			displayName: 'Deduplication Window',
			name: 'deduplicationWindow',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_DEDUPLICATION_WINDOW_MINUTES },
			default: DEFAULT_DEDUPLICATION_WINDOW_MINUTES,
			description: 'How long, in minutes, an emitted delivery counts as already seen',
			displayOptions: { show: { deduplicate: [true] } },
		},
		{
			displayName: 'Include Test Calls',
			name: 'includeTestCalls',
			type: 'boolean',
			default: true,
			description:
				'Whether to emit deliveries whose is_test_call is true. Off: they are answered with 200 and start nothing.',
		},
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: false,
			description:
				'Whether to return a stable shape: every documented field present, "" as null, numbers and booleans typed, a null transcript as [], and transcript_text added',
		},
		{
			displayName: 'Wait for Analysis',
			name: 'waitForAnalysis',
			type: 'boolean',
			default: false,
			description:
				'Whether to fetch the conversation again while its analysis is still null, for up to Analysis Max Wait',
			displayOptions: { show: { '/enrich': [true] } },
		},
	],
};

export const triggerProperties: INodeProperties[] = [
	setupNotice,
	events,
	authentication,
	outputPerEvent,
	enrich,
	options,
];
