import type { IDataObject } from 'n8n-workflow';

import { isJsonObject } from '../../shared/jsonObject';

/** One turn of `conversation_transcript`. */
export interface TranscriptTurn {
	role?: string;
	content?: string;
	timestamp?: string;
}

/**
 * Returns the transcript turns of a conversation. eigi sends `null` for conversations without a
 * transcript, even some completed calls, so a missing transcript gives an empty list.
 */
export function transcriptOf(conversation: IDataObject): TranscriptTurn[] {
	const turns = conversation.conversation_transcript;
	if (!Array.isArray(turns)) return [];
	return turns.filter(isJsonObject) as TranscriptTurn[];
}

/**
 * Returns the recording URL of a call. eigi's API nests call fields in `conversation_metadata`,
 * while its webhooks put them at the top level, so both places are read.
 */
export function recordingUrlOf(conversation: IDataObject): string | undefined {
	const metadata = isJsonObject(conversation.conversation_metadata)
		? conversation.conversation_metadata
		: {};
	const url = metadata.conversation_recording_url ?? conversation.conversation_recording_url;
	return typeof url === 'string' && url.trim() !== '' ? url.trim() : undefined;
}
