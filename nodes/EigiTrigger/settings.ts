import type { IDataObject } from 'n8n-workflow';

import type { EigiEvent } from './delivery/schema';
import { EIGI_EVENTS } from './delivery/schema';

export const DEFAULT_DEDUPLICATION_WINDOW_MINUTES = 60;
export const MAX_DEDUPLICATION_WINDOW_MINUTES = 10_080;
export const DEFAULT_ANALYSIS_MAX_WAIT_SECONDS = 60;
export const MAX_ANALYSIS_MAX_WAIT_SECONDS = 600;

export interface TriggerSettings {
	events: EigiEvent[];
	authentication: 'none' | 'token';
	outputPerEvent: boolean;
	enrich: boolean;
	deduplicate: boolean;
	deduplicationWindowMinutes: number;
	includeTestCalls: boolean;
	simplify: boolean;
	waitForAnalysis: boolean;
	analysisMaxWaitSeconds: number;
	/** Parameter values that were out of range and replaced by their default, as messages. */
	problems: string[];
}

/** Reads one node parameter; webhook() and execute() contexts differ only in this signature. */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

function asBoolean(value: unknown, fallback: boolean): boolean {
	return typeof value === 'boolean' ? value : fallback;
}

interface NumberOption {
	label: string;
	unit: string;
	minimum: number;
	maximum: number;
	fallback: number;
}

/**
 * Returns `value` when it is a number within the option's bounds, else the option's default,
 * with a message in `problems`. The editor enforces the bounds; an expression can produce
 * anything, and webhook() must respond to eigi rather than fail.
 */
function boundedNumber(value: unknown, option: NumberOption, problems: string[]): number {
	if (value === undefined) return option.fallback;
	if (typeof value === 'number' && value >= option.minimum && value <= option.maximum) {
		return value;
	}

	problems.push(
		`${option.label} is ${JSON.stringify(value) ?? String(value)}; expected ${option.minimum} to ${option.maximum} ${option.unit}. Using the default, ${option.fallback}.`,
	);
	return option.fallback;
}

const DEDUPLICATION_WINDOW: NumberOption = {
	label: 'Deduplication Window',
	unit: 'minutes',
	minimum: 1,
	maximum: MAX_DEDUPLICATION_WINDOW_MINUTES,
	fallback: DEFAULT_DEDUPLICATION_WINDOW_MINUTES,
};

const ANALYSIS_MAX_WAIT: NumberOption = {
	label: 'Analysis Max Wait',
	unit: 'seconds',
	minimum: 1,
	maximum: MAX_ANALYSIS_MAX_WAIT_SECONDS,
	fallback: DEFAULT_ANALYSIS_MAX_WAIT_SECONDS,
};

function asEvents(value: unknown): EigiEvent[] {
	if (!Array.isArray(value)) return [...EIGI_EVENTS];
	return EIGI_EVENTS.filter((event) => value.includes(event));
}

/** Reads the trigger's parameters, falling back to the defaults shown in the editor. */
export function readSettings(read: ParameterReader): TriggerSettings {
	const options = (read('options', {}) ?? {}) as IDataObject;
	const problems: string[] = [];
	return {
		events: asEvents(read('events', [...EIGI_EVENTS])),
		authentication: read('authentication', 'none') === 'token' ? 'token' : 'none',
		outputPerEvent: asBoolean(read('outputPerEvent', false), false),
		enrich: asBoolean(read('enrich', false), false),
		deduplicate: asBoolean(options.deduplicate, true),
		deduplicationWindowMinutes: boundedNumber(
			options.deduplicationWindow,
			DEDUPLICATION_WINDOW,
			problems,
		),
		includeTestCalls: asBoolean(options.includeTestCalls, true),
		simplify: asBoolean(options.simplify, false),
		waitForAnalysis: asBoolean(options.waitForAnalysis, false),
		analysisMaxWaitSeconds: boundedNumber(options.analysisMaxWait, ANALYSIS_MAX_WAIT, problems),
		problems,
	};
}
