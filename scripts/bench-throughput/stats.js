// Order statistics for benchmark samples.

/** Returns the q-quantile (0 ≤ q ≤ 1) of `values` by the nearest-rank method, or null if empty. */
function quantile(values, q) {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil(q * sorted.length));
	return sorted[rank - 1];
}

/** Returns the median (the mean of the two middle values for an even count), or null if empty. */
function median(values) {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

module.exports = { median, quantile };
