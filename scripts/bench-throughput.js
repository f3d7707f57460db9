#!/usr/bin/env node
// End-to-end throughput of the Eigi Trigger inside real n8n, against a minimal community trigger
// and n8n's own Webhook node, each `<trigger> → No Operation` in one n8n instance. Runs n8n 2.41.1
// twice: with its defaults, and with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true. Needs
// `npm run build` and `bash scripts/install-n8n.sh` first (`npm run bench` runs both).
//
// Usage: node scripts/bench-throughput.js [--runs N] [--rounds N] [--round-seconds S] [--in-flight N]
//          [--latency N] [--warmup N] [--sides eigi,minimal,webhook] [--configurations defaults,lazy]
//          [--n8n-env NAME=value]... [--keep]
// Prints a table and writes the raw results to bench-results/throughput-<time>.json. Exits 1 when
// a delivery was not accepted or did not start exactly one successful execution.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { buildDelivery } = require('./bench-throughput/delivery');
const { missingBuildFiles } = require('../test/e2e/support/package-copy');
const { describeMachine } = require('./bench-throughput/machine');
const { OptionError, parseOptions } = require('./bench-throughput/options');
const { formatReport, writeResults } = require('./bench-throughput/report');
const { runConfiguration } = require('./bench-throughput/run-configuration');
const { summarizeConfiguration } = require('./bench-throughput/summarize');

const PACKAGE_ROOT = path.join(__dirname, '..');

/**
 * The two n8n configurations. Under n8n 2.41.1's defaults, every community trigger pays for a
 * second expression isolate per request, so there the Eigi Trigger is compared with the minimal
 * trigger. Lazy acquisition removes that cost, so there it is compared with the Webhook node.
 */
const CONFIGURATIONS = [
	{
		name: 'defaults',
		description: 'n8n 2.41.1 defaults',
		settings: {},
		roundSeconds: 4,
		goal: { ratio: 'eigi/minimal', atLeast: 0.95 },
	},
	{
		name: 'lazy',
		description: 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
		settings: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
		roundSeconds: 2.5,
		goal: { ratio: 'eigi/webhook', atLeast: 0.9 },
	},
];

/**
 * Copies package.json and dist/ into the work folder, so every n8n start loads the same build even
 * when dist/ is rebuilt while the benchmark runs. Returns the copy's folder.
 */
function snapshotPackage(workRoot) {
	const missing = missingBuildFiles(PACKAGE_ROOT);
	if (missing.length > 0)
		throw new Error(
			`The package is not built: ${missing.join(', ')} missing. Run "npm run build" first.`,
		);

	const snapshot = path.join(workRoot, 'package');
	fs.mkdirSync(snapshot, { recursive: true });
	fs.copyFileSync(path.join(PACKAGE_ROOT, 'package.json'), path.join(snapshot, 'package.json'));
	fs.cpSync(path.join(PACKAGE_ROOT, 'dist'), path.join(snapshot, 'dist'), { recursive: true });
	return snapshot;
}

function log(line) {
	process.stderr.write(`[bench-throughput] ${line}\n`);
}

/** Adds the --n8n-env variables to a configuration's settings and to its description. */
function withExtraEnvironment(configuration, extra) {
	const names = Object.entries(extra).map(([name, value]) => `${name}=${value}`);
	if (names.length === 0) return configuration;
	return {
		...configuration,
		settings: { ...configuration.settings, ...extra },
		description: `${configuration.description}, plus ${names.join(' ')}`,
	};
}

/** Runs every configuration in turn and returns their raw runs and summaries. */
async function runConfigurations(options, context) {
	const configurations = [];
	for (const base of options.configurations) {
		const configuration = withExtraEnvironment(base, options.n8nEnvironment);
		const roundSeconds = options.roundSeconds ?? configuration.roundSeconds;
		const result = await runConfiguration(
			configuration,
			{ ...options, ...context, roundSeconds },
			log,
		);
		configurations.push({ ...result, roundSeconds, summary: summarizeConfiguration(result) });
	}
	return configurations;
}

/** Prints every problem a run found and returns how many there were. */
function reportProblems(configurations) {
	const problems = configurations.flatMap((result) =>
		result.runs.flatMap((run) =>
			run.problems.map((problem) => `${result.name} run ${run.run}: ${problem}`),
		),
	);
	if (problems.length > 0) {
		const list = problems.map((problem) => `- ${problem}`).join('\n');
		process.stdout.write(`\n${problems.length} problems:\n${list}\n`);
	}
	return problems.length;
}

async function main() {
	const options = parseOptions(process.argv.slice(2), CONFIGURATIONS);
	const machine = describeMachine(PACKAGE_ROOT);
	const delivery = buildDelivery();
	const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'eigi-bench-throughput-'));
	const startedAt = Date.now();
	let configurations;
	try {
		const packageRoot = options.sideKeys.includes('eigi')
			? snapshotPackage(workRoot)
			: PACKAGE_ROOT;
		configurations = await runConfigurations(options, { delivery, workRoot, packageRoot });
	} finally {
		if (!configurations || options.keep) log(`n8n user folders and logs kept in ${workRoot}`);
		else fs.rmSync(workRoot, { recursive: true, force: true });
	}

	const minutes = (Date.now() - startedAt) / 60_000;
	const roundSecondsText = configurations
		.map((result) => `${result.roundSeconds} s (${result.name})`)
		.join(', ');
	const reportOptions = {
		...options,
		configurations: undefined,
		deliveryBytes: delivery.bytes,
		turnCount: delivery.turnCount,
		roundSecondsText,
	};
	const results = { machine, options: reportOptions, minutes, configurations };
	process.stdout.write(`${formatReport(results)}\n\nTotal time: ${minutes.toFixed(1)} min\n`);
	process.stdout.write(
		`Raw results: ${writeResults(path.join(PACKAGE_ROOT, 'bench-results'), results)}\n`,
	);
	if (reportProblems(configurations) > 0) process.exitCode = 1;
}

// n8n runs in its own process group. Exiting through process.exit lets the exit hook of
// n8n-process.js stop it when the benchmark is interrupted.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));

main().catch((error) => {
	if (error instanceof OptionError) {
		log(error.message);
		process.exitCode = 2;
	} else {
		log(error.stack ?? String(error));
		process.exitCode = 1;
	}
});
