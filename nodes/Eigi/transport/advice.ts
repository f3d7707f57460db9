/** Destination of a failed request: eigi's API, or the telephony provider's recording URL. */
export type RequestTarget = 'api' | 'recording';

/** Request facts the advice texts need. */
export interface AdviceContext {
	target: RequestTarget;
	/** Sentence for 404 from eigi, naming the id that was not found. */
	notFoundAdvice?: string;
	/** Sentence for a failure that was not retried because the request must not run twice. */
	notRepeatedAdvice?: string;
	idempotent: boolean;
}

const PLAN_LIMITS =
	'eigi allows 100 requests per minute on the Free plan and 500 on Pro (Enterprise: as agreed)';

const API_ADVICE: Record<number, string> = {
	400: "eigi rejected the request as invalid. Check the node's parameters against the message above.",
	401: 'eigi did not accept the API key. Open the Eigi API credential and enter an active key (it starts with vk_) from the eigi dashboard under Settings → API Keys.',
	403: "The API key works, but its owner has no access to this resource or has used up the plan's quota. Use a key of the account that owns the agent, or check the quota in the eigi dashboard.",
	404: "eigi found nothing at this address. Check the IDs in the node's parameters, and that eigi keeps data for 90 days by default.",
	422: 'eigi could not validate the request. Fix the fields named in the message above.',
	429: `eigi's rate limit was still exceeded after retrying. ${PLAN_LIMITS}: set Options → Requests Per Minute below your plan's limit, lower Options → Concurrency, or raise Options → Max Retry Time.`,
};

const SERVER_ADVICE =
	"eigi's server failed to handle the request, a problem on eigi's side. Try again later, and contact eigi support if it keeps failing.";

const RECORDING_ADVICE: Record<number, string> = {
	401: "The recording host asked for credentials. The node fetches recording URLs without eigi's API key, as eigi hands them out; if your telephony provider protects recordings, download them with its own node or credential.",
	403: 'The recording host refused the download. The recording link may have expired: get the conversation again for a fresh link.',
	404: 'The recording host has no file at this URL. The telephony provider may have deleted the recording.',
};

/** Returns what the user can do about an HTTP error status. */
export function adviceForStatus(status: number, context: AdviceContext): string {
	if (context.target === 'recording') {
		return (
			RECORDING_ADVICE[status] ??
			'The telephony provider hosting the recording failed to serve it. Try again later.'
		);
	}
	if (status === 404 && context.notFoundAdvice) return context.notFoundAdvice;
	if (status >= 500 && !context.idempotent && status !== 503) {
		return `${SERVER_ADVICE} ${context.notRepeatedAdvice ?? ''}`.trim();
	}
	if (status >= 500) return SERVER_ADVICE;
	if (status >= 300 && status < 400) {
		return 'eigi answered with a redirect, which the node does not follow with the API key. Check the Base URL in the Eigi API credential: it should be https://api.eigi.ai, with https and without a path.';
	}
	return API_ADVICE[status] ?? "Check the node's parameters against the message above.";
}

/** Returns what the user can do when no response arrived. */
export function adviceForNetworkError(
	timedOut: boolean,
	host: string,
	context: AdviceContext,
): string {
	const repeated = context.idempotent ? '' : ` ${context.notRepeatedAdvice ?? ''}`;
	if (timedOut) {
		return `Raise Options → Timeout, or try again later.${repeated}`.trim();
	}
	const where =
		context.target === 'api'
			? 'Check the Base URL in the Eigi API credential'
			: 'Check the recording URL';
	return `${where} and that this n8n instance can reach ${host}.${repeated}`.trim();
}
