// Behaviours picked by the id a request is about: the conversation id for conversation paths, the
// agent id for the list filter, outbound calls and chat. Each id keeps its own attempt counter, so
// "fail once, then succeed" works per id across retries.

const SLOW_RESPONSE_MS = 5000;

/** Returns the scenario name for `id` (`missing`, `flaky`, …), or null for normal behaviour. */
function scenarioOf(id) {
	const match =
		/^(missing|rate-limit-seconds|rate-limit-date|flaky|slow|server-error|wrapped|pending-analysis|quota-exceeded)-/.exec(
			id ?? '',
		);
	return match ? match[1] : null;
}

/** Formats an HTTP-date at least 2 seconds ahead (HTTP-dates have whole seconds only). */
function retryDateTwoSecondsAhead(now) {
	return new Date(Math.ceil((now + 2000) / 1000) * 1000).toUTCString();
}

/**
 * Decides what the stand-in does for attempt number `attempt` (1-based) on an id whose scenario is
 * `scenario`. Returns `{ response }` to send at once, `{ delayMs }` to respond normally after a
 * pause, `{ wrap: true }` or `{ analysisPending: true }` to alter the normal body, or `{}`.
 */
function decide(scenario, attempt, notFoundDetail, now = Date.now()) {
	switch (scenario) {
		case 'missing':
			return { response: { status: 404, body: { detail: notFoundDetail } } };
		case 'quota-exceeded':
			return {
				response: { status: 403, body: { detail: 'Outbound call quota exceeded for this plan' } },
			};
		case 'rate-limit-seconds':
			return attempt === 1 ? { response: tooManyRequests('1') } : {};
		case 'rate-limit-date':
			return attempt === 1 ? { response: tooManyRequests(retryDateTwoSecondsAhead(now)) } : {};
		case 'flaky':
			return attempt === 1 ? { response: serverError() } : {};
		case 'server-error':
			return { response: serverError() };
		case 'slow':
			return { delayMs: SLOW_RESPONSE_MS };
		case 'wrapped':
			return { wrap: true };
		case 'pending-analysis':
			return attempt <= 2 ? { analysisPending: true } : {};
		default:
			return {};
	}
}

function tooManyRequests(retryAfter) {
	return {
		status: 429,
		headers: { 'Retry-After': retryAfter },
		body: { detail: 'Rate limit exceeded. Try again later.' },
	};
}

function serverError() {
	return { status: 500, body: { detail: 'Internal Server Error' } };
}

module.exports = { SLOW_RESPONSE_MS, decide, scenarioOf, tooManyRequests };
