// Prints the benchmark's results as text tables and writes the raw results as JSON.
const fs = require('node:fs');
const path = require('node:path');

function fixed(value, digits) {
	return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function table(header, rows) {
	const lines = [header, header.map(() => '---'), ...rows];
	return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function machineLines(machine) {
	return [
		`Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}`,
		`n8n ${machine.n8nVersion} on Node ${machine.n8nNode}; load generator on Node ${machine.loadGeneratorNode}`,
		`Package: ${machine.packageVersion} at ${machine.gitCommit ?? 'unknown commit'}${machine.gitWorkingTreeChanged ? ' with uncommitted changes' : ''}`,
	];
}

function sideRows(summary, sides) {
	return sides.map((side) => [
		side.label,
		fixed(summary.sides[side.key].deliveriesPerSecond, 1),
		summary.perRun.map((run) => fixed(run.rates[side.key]?.deliveriesPerSecond, 1)).join(' / '),
		String(summary.sides[side.key].deliveries),
		fixed(summary.sides[side.key].cpuMsPerDelivery, 0),
		fixed(summary.latency[side.key].medianMs, 0),
		fixed(summary.latency[side.key].p90Ms, 0),
	]);
}

function ratioTable(summary) {
	const rows = Object.entries(summary.ratios).map(([name, value]) => [
		name,
		fixed(value, 2),
		summary.perRun.map((run) => fixed(run.ratios[name], 2)).join(' / '),
		fixed(summary.cpuRatios[name], 2),
	]);
	return table(
		['ratio', 'deliveries/s, median of runs', 'per run', 'by n8n CPU per delivery'],
		rows,
	);
}

// Above this many cores busy with other processes, the run shared the machine noticeably.
const DISTURBED_CORES = 0.2;

function otherLoadLine(summary) {
	// Counters sampled a moment apart can make an idle machine read slightly below zero.
	const perRun = summary.perRun
		.map((run) =>
			typeof run.otherCores === 'number' ? fixed(Math.max(0, run.otherCores), 2) : 'n/a',
		)
		.join(' / ');
	const disturbed = summary.perRun.filter((run) => run.otherCores > DISTURBED_CORES).length;
	const note =
		disturbed > 0
			? `. In ${disturbed} of ${summary.perRun.length} runs other processes kept more than ${DISTURBED_CORES} cores busy, so n8n's rates there are lower than on an idle machine`
			: '';
	return `Cores kept busy by other processes during the rounds: ${perRun}${note}`;
}

function goalLine(goal) {
	if (!goal) return null;
	if (typeof goal.value !== 'number')
		return `Goal ${goal.ratio} ≥ ${goal.atLeast}: not measured (a side is missing)`;
	return `Goal ${goal.ratio} ≥ ${goal.atLeast}: ${fixed(goal.value, 2)}, ${goal.met ? 'met' : 'NOT met'}`;
}

/** Returns the report text for all configurations. */
function formatReport({ machine, options, configurations }) {
	const lines = [...machineLines(machine)];
	lines.push(
		`Load: ${options.deliveryBytes} B multipart delivery (${options.turnCount} transcript turns), ${options.inFlight} in flight, ` +
			`${options.rounds} rounds of ${options.roundSecondsText} per side per run, ${options.runs} runs per configuration; ` +
			`time to response: ${options.latencyRequests} single deliveries per side per run, pooled`,
	);
	for (const configuration of configurations) {
		const { summary } = configuration;
		lines.push('', `## ${configuration.name}: ${configuration.description}`, '');
		const header = [
			'side',
			'deliveries/s (median)',
			'per run',
			'deliveries, all runs',
			'n8n CPU ms/delivery',
			'1 in flight: response ms median',
			'p90',
		];
		lines.push(
			table(header, sideRows(summary, configuration.sides)),
			'',
			ratioTable(summary),
			'',
			otherLoadLine(summary),
		);
		const goal = goalLine(summary.goal);
		if (goal) lines.push(goal);
	}
	return lines.join('\n');
}

/** Writes the raw results to `<folder>/throughput-<timestamp>.json` and returns the path. */
function writeResults(folder, results) {
	fs.mkdirSync(folder, { recursive: true });
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const file = path.join(folder, `throughput-${stamp}.json`);
	fs.writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
	return file;
}

module.exports = { formatReport, writeResults };
