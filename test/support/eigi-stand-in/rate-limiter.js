// Per-API-key sliding window of one minute. eigi's plan limits are per minute (100 requests on
// Free, 500 on Pro); how eigi counts the minute is undocumented. A key named `vk_limit_<N>_…` gets a limit of N whatever the default.

const WINDOW_MS = 60_000;

function limitForKey(apiKey, defaultLimit) {
	const match = /^vk_limit_(\d+)_/.exec(apiKey);
	return match ? Number(match[1]) : defaultLimit;
}

function createRateLimiter() {
	const windows = new Map();

	/**
	 * Counts a request of `apiKey`. Returns null when it is within the limit, else the whole
	 * seconds until the oldest request in the window expires (the `Retry-After` value).
	 */
	function take(apiKey, defaultLimit, now = Date.now()) {
		const limit = limitForKey(apiKey, defaultLimit);
		if (!limit) return null;

		const recent = (windows.get(apiKey) ?? []).filter((at) => now - at < WINDOW_MS);
		windows.set(apiKey, recent);
		if (recent.length >= limit) {
			return Math.max(1, Math.ceil((recent[0] + WINDOW_MS - now) / 1000));
		}

		recent.push(now);
		return null;
	}

	return { take, clear: () => windows.clear() };
}

module.exports = { createRateLimiter, limitForKey };
