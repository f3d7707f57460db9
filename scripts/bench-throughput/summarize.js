// Turns raw rounds into per-run rates and ratios, and runs into medians and goal verdicts.
const { median, quantile } = require('./stats');

const BASELINES = ['minimal', 'webhook'];

/**
 * Returns the ratios to report as [name, numerator side, denominator side]: every measured side
 * against each baseline, and the minimal trigger against the Webhook node.
 */
function ratioPairs(sideKeys) {
	const pairs = [];
	for (const key of sideKeys.filter((side) => !BASELINES.includes(side))) {
		for (const baseline of BASELINES) pairs.push([`${key}/${baseline}`, key, baseline]);
	}
	pairs.push(['minimal/webhook', 'minimal', 'webhook']);
	return pairs.filter(
		([, numerator, denominator]) => sideKeys.includes(numerator) && sideKeys.includes(denominator),
	);
}

/**
 * Returns `{ rates: { <side>: { deliveries, deliveriesPerSecond, responsesPerSecond,
 * cpuMsPerDelivery } },
 * otherCores }` for one run, where otherCores is the time-weighted mean number of cores that
 * other processes kept busy during its rounds.
 */
function summarizeRun(run) {
	const sides = {};
	let otherCoreSeconds = 0;
	let seconds = 0;
	for (const round of run.rounds) {
		const side = (sides[round.side] ??= {
			deliveries: 0,
			seconds: 0,
			responseSeconds: 0,
			cpuMs: 0,
		});
		side.deliveries += round.deliveries;
		side.seconds += round.seconds;
		side.responseSeconds += round.responseSeconds;
		side.cpuMs += round.cpuMs ?? Number.NaN;
		otherCoreSeconds += (round.otherCores ?? Number.NaN) * round.seconds;
		seconds += round.seconds;
	}

	const rates = {};
	for (const [key, side] of Object.entries(sides)) {
		rates[key] = {
			deliveries: side.deliveries,
			deliveriesPerSecond: side.deliveries / side.seconds,
			responsesPerSecond: side.deliveries / side.responseSeconds,
			cpuMsPerDelivery: Number.isNaN(side.cpuMs) ? null : side.cpuMs / side.deliveries,
		};
	}
	const otherCores = Number.isNaN(otherCoreSeconds) ? null : otherCoreSeconds / seconds;
	return { rates, otherCores };
}

/**
 * Returns, per ratio, the deliveries-per-second ratio and the same ratio computed from n8n's CPU
 * time per delivery (denominator's CPU over numerator's), which other load on the machine
 * disturbs less than wall-clock rates.
 */
function ratiosOf(rates, pairs) {
	const ratios = {};
	const cpuRatios = {};
	for (const [name, numerator, denominator] of pairs) {
		ratios[name] = rates[numerator].deliveriesPerSecond / rates[denominator].deliveriesPerSecond;
		cpuRatios[name] = rates[denominator].cpuMsPerDelivery / rates[numerator].cpuMsPerDelivery;
	}
	return { ratios, cpuRatios };
}

function medianOf(list, pick) {
	const values = list
		.map(pick)
		.filter((value) => typeof value === 'number' && Number.isFinite(value));
	return median(values);
}

function summarizeLatencies(runs, sideKeys) {
	const latency = {};
	for (const key of sideKeys) {
		const values = runs.flatMap((run) =>
			run.latencies.filter((sample) => sample.side === key).map((sample) => sample.ms),
		);
		latency[key] = {
			samples: values.length,
			medianMs: median(values),
			p90Ms: quantile(values, 0.9),
		};
	}
	return latency;
}

/**
 * Returns the configuration's per-run results, medians over runs (of each side's rate and CPU,
 * and of each run's ratios), pooled time to response, and the goal verdict.
 */
function summarizeConfiguration(result) {
	const sideKeys = result.sides.map((side) => side.key);
	const pairs = ratioPairs(sideKeys);
	const perRun = result.runs.map((run) => {
		const { rates, otherCores } = summarizeRun(run);
		return {
			run: run.run,
			rates,
			...ratiosOf(rates, pairs),
			otherCores,
			problems: run.problems,
		};
	});

	const sides = {};
	for (const key of sideKeys) {
		sides[key] = {
			deliveries: perRun.reduce((sum, run) => sum + (run.rates[key]?.deliveries ?? 0), 0),
			deliveriesPerSecond: medianOf(perRun, (run) => run.rates[key]?.deliveriesPerSecond),
			responsesPerSecond: medianOf(perRun, (run) => run.rates[key]?.responsesPerSecond),
			cpuMsPerDelivery: medianOf(perRun, (run) => run.rates[key]?.cpuMsPerDelivery),
		};
	}
	const ratios = {};
	const cpuRatios = {};
	for (const [name] of pairs) {
		ratios[name] = medianOf(perRun, (run) => run.ratios[name]);
		cpuRatios[name] = medianOf(perRun, (run) => run.cpuRatios[name]);
	}

	const goal = result.goal && { ...result.goal, value: ratios[result.goal.ratio] };
	if (goal) goal.met = typeof goal.value === 'number' && goal.value >= goal.atLeast;
	return {
		perRun,
		sides,
		ratios,
		cpuRatios,
		latency: summarizeLatencies(result.runs, sideKeys),
		goal,
	};
}

module.exports = { summarizeConfiguration };
