// Runs the benchmark for one n8n configuration: one n8n start, a warm-up, then `runs` runs. A run
// is `rounds` rounds that each send deliveries to every side in turn for `roundSeconds` (the order
// rotates from round to round), then single deliveries for time to response, then the check that
// every delivery started exactly one execution.
const { conversationId, newRunTag } = require('./delivery');
const { startInstance } = require('./instance');
const { measureOne, measureRound } = require('./measure');
const { verifyExecutions } = require('./verify');

// Bounds a round's request loop whatever its duration. n8n serves far fewer in one round.
const MAX_DELIVERIES_PER_ROUND = 5000;

function rotate(list, by) {
	const shift = by % list.length;
	return [...list.slice(shift), ...list.slice(0, shift)];
}

/** Returns an id generator whose ids are unique per run tag, side and sequence number. */
function idSource(sideIndex) {
	const tag = newRunTag();
	let next = 0;
	return () => conversationId(tag, sideIndex * 1_000_000 + (next += 1));
}

async function warmUp(instance, options, log) {
	for (const [index, side] of instance.sides.entries()) {
		const ids = idSource(index);
		const round = await measureRound(instance, side, {
			...options,
			durationMs: Number.POSITIVE_INFINITY,
			maxCount: options.warmupRequests,
			idFor: ids,
		});
		if (round.problems.length > 0)
			throw new Error(`Warm-up failed: ${round.problems.join('; ')}. n8n log: ${instance.logPath}`);
		log(`  warm-up ${side.key}: ${round.deliveries} deliveries in ${round.seconds.toFixed(1)} s`);
	}
}

async function runRounds(instance, options, ids, log) {
	const rounds = [];
	for (let round = 0; round < options.rounds; round += 1) {
		const line = [];
		for (const side of rotate(instance.sides, round)) {
			const index = instance.sides.indexOf(side);
			const result = await measureRound(instance, side, {
				...options,
				durationMs: options.roundSeconds * 1000,
				maxCount: MAX_DELIVERIES_PER_ROUND,
				idFor: ids[index],
			});
			rounds.push({ round: round + 1, ...result });
			line.push(`${side.key} ${(result.deliveries / result.seconds).toFixed(1)}/s`);
		}
		log(`    round ${round + 1}: ${line.join(', ')}`);
	}
	return rounds;
}

async function measureLatencies(instance, options, ids) {
	const samples = [];
	for (let sample = 0; sample < options.latencyRequests; sample += 1) {
		for (const side of rotate(instance.sides, sample)) {
			const index = instance.sides.indexOf(side);
			samples.push({
				side: side.key,
				...(await measureOne(instance, side, { ...options, id: ids[index]() })),
			});
		}
	}
	return samples;
}

async function runOnce(instance, options, runNumber, log) {
	const { maxId: afterId } = await instance.counter.count(null, 0);
	const ids = instance.sides.map((side, index) => idSource(index));
	log(`  run ${runNumber}`);
	const rounds = await runRounds(instance, options, ids, log);
	const latencies = await measureLatencies(instance, options, ids);

	const problems = [...rounds, ...latencies].flatMap((result) => result.problems);
	for (const side of instance.sides) {
		const sentIds = [...rounds, ...latencies]
			.filter((result) => result.side === side.key)
			.flatMap((result) => result.ids ?? [result.id]);
		const check = await verifyExecutions(instance, side, { afterId, sentIds });
		problems.push(...check.problems);
	}
	for (const round of rounds) delete round.ids;
	return {
		run: runNumber,
		rounds,
		latencies: latencies.map(({ side, ms }) => ({ side, ms })),
		problems,
	};
}

/** Starts n8n with the configuration's settings, measures, stops n8n, and returns the raw runs. */
async function runConfiguration(configuration, options, log) {
	log(`${configuration.name}: starting n8n (${configuration.description})`);
	const startedAt = Date.now();
	const instance = await startInstance({
		...options,
		name: configuration.name,
		settings: configuration.settings,
	});
	try {
		log(
			`  n8n ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s; log ${instance.logPath}`,
		);
		await warmUp(instance, options, log);
		const runs = [];
		for (let run = 1; run <= options.runs; run += 1)
			runs.push(await runOnce(instance, options, run, log));
		return {
			...configuration,
			sides: instance.sides.map(({ key, label, nodeType, webhookPath }) => ({
				key,
				label,
				nodeType,
				webhookPath,
			})),
			runs,
		};
	} finally {
		await instance.stop();
	}
}

module.exports = { runConfiguration };
