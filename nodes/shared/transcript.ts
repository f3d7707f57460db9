/** The fields of a transcript turn that `transcriptText` reads. */
export interface TranscriptLine {
	role?: unknown;
	content?: unknown;
}

/**
 * Joins transcript turns as one text, a `role: content` line per turn. A missing role is written
 * as `unknown` and a missing or null content as an empty string.
 */
export function transcriptText(turns: readonly TranscriptLine[]): string {
	return turns
		.map((turn) => `${String(turn.role ?? 'unknown')}: ${String(turn.content ?? '')}`)
		.join('\n');
}
