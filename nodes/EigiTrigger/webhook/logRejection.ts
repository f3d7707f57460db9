import type { IWebhookFunctions } from 'n8n-workflow';

const QUIET_PERIOD_MS = 60_000;

interface LogState {
	loggedAt: number;
	suppressed: number;
}

// Per node and kind of rejection, in this n8n process. A sender that keeps failing (a wrong
// token, a broken proxy) would otherwise write one warning per request.
const states = new Map<string, LogState>();

/**
 * Logs a rejected delivery as a warning at most once a minute per node and `kind`, with the
 * number of rejections not logged since. Callers pass no secrets or payload values in
 * `details`.
 */
export function logRejection(
	context: IWebhookFunctions,
	kind: string,
	details: Record<string, string | number>,
	now = Date.now(),
): void {
	const node = context.getNode();
	const stateKey = `${node.id}:${kind}`;
	const state = states.get(stateKey);
	if (state && now - state.loggedAt < QUIET_PERIOD_MS) {
		state.suppressed++;
		return;
	}

	context.logger.warn(`Eigi Trigger rejected a delivery: ${kind}`, {
		node: node.name,
		workflowId: context.getWorkflow().id ?? '',
		...details,
		notLoggedSinceLastWarning: state?.suppressed ?? 0,
	});
	states.set(stateKey, { loggedAt: now, suppressed: 0 });
}
