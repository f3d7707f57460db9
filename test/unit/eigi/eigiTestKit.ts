import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { EigiApi } from '../../../credentials/EigiApi.credentials';
import { Eigi } from '../../../nodes/Eigi/Eigi.node';
import { timing } from '../../../nodes/Eigi/transport/timing';
import type { EngineRunResult } from '../../support/engine';
import { runNode } from '../../support/engine';

export const BASE_URL = 'https://api.eigi.test';
export const API_KEY = 'vk_dummy_unit_key_4f1c9a';

export const CONVERSATION_ID = 'a28e7071-508e-4d45-8887-085531aafaba';

/** A conversation as eigi's API documents it, with call fields under conversation_metadata. */
export function conversationFixture(overrides: IDataObject = {}): IDataObject {
	return {
		id: '69316c7d6519e8d49433e40b',
		conversation_id: CONVERSATION_ID,
		agent_id: '68ea2517dbb84c09bae1ba0a',
		conversation_type: 'TELEPHONY',
		conversation_status: 'COMPLETED',
		conversation_analysis: null,
		notes: null,
		conversation_transcript: [
			{ role: 'user', content: 'hi', timestamp: '2025-12-03T14:14:23.735228+00:00' },
			{
				role: 'assistant',
				content: 'Hi there! How can I help you today?',
				timestamp: '2025-12-03T14:14:23.738544+00:00',
			},
		],
		conversation_metadata: {
			to_mobile_number: '+14155550123',
			from_mobile_number: '14155550999',
			calling_type: 'OUTBOUND',
			telephony_provider: 'TWILIO',
			conversation_recording_url: 'https://recordings.provider.test/rec/a28e7071.mp3',
			conversation_duration: 42,
		},
		created_at: '2025-12-03T14:14:22.719000',
		updated_at: '2025-12-03T14:15:20.985000',
		...overrides,
	};
}

export interface EigiRun {
	parameters: INodeParameters;
	input?: INodeExecutionData[];
	continueOnFail?: boolean;
	apiKey?: string;
	baseUrl?: string;
}

/** Runs the Eigi node through WorkflowExecute with the eigiApi credential. */
export async function runEigi(run: EigiRun): Promise<EngineRunResult> {
	return await runNode({
		nodeType: new Eigi(),
		parameters: run.parameters,
		credentials: { eigiApi: { apiKey: run.apiKey ?? API_KEY, baseUrl: run.baseUrl ?? BASE_URL } },
		credentialTypes: [new EigiApi()],
		input: run.input,
		continueOnFail: run.continueOnFail,
	});
}

/** JSON items of the node's first output. */
export function jsonOf(result: EngineRunResult): IDataObject[] {
	return (result.outputs[0] ?? []).map((item) => item.json);
}

export interface VirtualClock {
	/** Current virtual time in ms. */
	now(): number;
	/** Every wait the client or rate limiter asked for, in ms, in call order. */
	sleeps: number[];
}

/**
 * Replaces the client's clock and waits with a virtual clock: a wait returns at once and moves
 * virtual time to its end, so retry and rate-limit tests run in milliseconds and can assert the
 * exact waits. Jitter is fixed at its midpoint.
 */
export function useVirtualClock(start = Date.UTC(2025, 11, 3, 14, 0, 0)): VirtualClock {
	let current = start;
	const sleeps: number[] = [];
	jest.spyOn(timing, 'now').mockImplementation(() => current);
	jest.spyOn(timing, 'random').mockReturnValue(0.5);
	jest.spyOn(timing, 'sleep').mockImplementation(async (ms: number) => {
		// Waits that start at the same virtual time end at the same time, as real ones would.
		const end = current + ms;
		sleeps.push(ms);
		await Promise.resolve();
		current = Math.max(current, end);
	});
	return { now: () => current, sleeps };
}
