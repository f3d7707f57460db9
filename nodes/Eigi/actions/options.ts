import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RetrySettings } from '../transport/client';

export const DEFAULT_CONCURRENCY = 5;
export const DEFAULT_REQUESTS_PER_MINUTE = 0;
export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_MAX_RETRY_TIME_S = 120;
export const DEFAULT_TIMEOUT_MS = 30_000;

/** The `options` collection, shown for every operation. */
export const optionsDescription: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 50, numberPrecision: 0 },
			default: DEFAULT_CONCURRENCY,
			description:
				'How many input items are processed at the same time. Output keeps the input order.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 10, numberPrecision: 0 },
			default: DEFAULT_MAX_ATTEMPTS,
			description:
				'How many times a request is sent at most, the first attempt included. Only rate limits (429), server errors (5xx) and network errors are retried.',
		},
		{
			displayName: 'Max Retry Time (Seconds)',
			name: 'maxRetryTime',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: DEFAULT_MAX_RETRY_TIME_S,
			description:
				'How long after its first attempt a request may still be retried. Waits, including those eigi asks for with Retry-After, are cut to fit.',
		},
		{
			displayName: 'Requests Per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 0 },
			default: DEFAULT_REQUESTS_PER_MINUTE,
			description:
				'Ceiling on requests this node sends per minute across all items, retries included. 0 means no ceiling.',
			hint: "eigi allows 100 requests per minute on the Free plan and 500 on Pro. Set your plan's limit, or less if other workflows use the same key, and the node never hits the limit itself.",
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: DEFAULT_TIMEOUT_MS,
			description: 'How long one attempt waits for a response, in milliseconds',
		},
	],
};

/** Settings that apply to the whole execution: read from the first item. */
export interface RunSettings {
	concurrency: number;
	requestsPerMinute: number;
}

const LABELS: Record<string, string> = {
	concurrency: 'Concurrency',
	maxAttempts: 'Max Attempts',
	maxRetryTime: 'Max Retry Time',
	requestsPerMinute: 'Requests Per Minute',
	timeout: 'Timeout',
};

function readOptions(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

function wholeNumber(
	context: IExecuteFunctions,
	itemIndex: number,
	options: IDataObject,
	name: string,
	fallback: number,
	min: number,
): number {
	const value = options[name] ?? fallback;
	if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
	const label = LABELS[name] ?? name;
	throw new NodeOperationError(
		context.getNode(),
		`Options → ${label} is ${JSON.stringify(value)}, but it must be a whole number of at least ${min}`,
		{
			itemIndex,
			description: `Set ${label} to ${fallback} (the default) or another whole number.`,
		},
	);
}

/** Reads concurrency and the requests-per-minute ceiling; they apply to all items together. */
export function readRunSettings(context: IExecuteFunctions): RunSettings {
	const options = readOptions(context, 0);
	return {
		concurrency: wholeNumber(context, 0, options, 'concurrency', DEFAULT_CONCURRENCY, 1),
		requestsPerMinute: wholeNumber(
			context,
			0,
			options,
			'requestsPerMinute',
			DEFAULT_REQUESTS_PER_MINUTE,
			0,
		),
	};
}

/** Reads the attempt, retry time and timeout limits for the requests of one item. */
export function readRetrySettings(context: IExecuteFunctions, itemIndex: number): RetrySettings {
	const options = readOptions(context, itemIndex);
	const seconds = wholeNumber(
		context,
		itemIndex,
		options,
		'maxRetryTime',
		DEFAULT_MAX_RETRY_TIME_S,
		0,
	);
	return {
		maxAttempts: wholeNumber(context, itemIndex, options, 'maxAttempts', DEFAULT_MAX_ATTEMPTS, 1),
		maxRetryTimeMs: seconds * 1000,
		timeoutMs: wholeNumber(context, itemIndex, options, 'timeout', DEFAULT_TIMEOUT_MS, 1),
	};
}
