#!/usr/bin/env node
// Benchmark of the Eigi node's Get Conversation over many input items, run through n8n-core's
// WorkflowExecute with the built node (dist/) against the local stand-in of eigi's API. The
// stand-in runs as a separate process on 127.0.0.1, so its work does not slow the node's event loop.
//
// 1. Throughput: `--items` (500) items at the default concurrency (5) with `--latency` (50) ms per
//    request. Wall time is compared with the ideal `items × latency / concurrency` and with a bare
//    HTTP client doing the same requests 5 at a time in the same run. Median of `--runs` (3).
// 2. Rate-limit ceiling: the stand-in limits the key to `--stand-in-limit` (100) requests per minute,
//    the node runs `--limit-items` (110) items with Requests Per Minute `--ceiling` (90): 429s
//    should be 0. The same items without a ceiling show the 429s the ceiling avoids. Each of the two
//    takes a little over a minute, because the ceiling only binds once a minute's budget is spent.
//
// Usage: npm run build && node scripts/bench-get-many-items.js [--runs N] [--items N] [--latency MS]
//          [--concurrency N] [--limit-items N] [--stand-in-limit N] [--ceiling N] [--skip-ceiling]
// Prints a report and writes it to bench-results/get-many-items-<time>.json. Exits 1 when an item
// failed or the run with a ceiling got a 429.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'eigi-bench-n8n-'));
process.env.N8N_LOG_LEVEL ??= 'error';

const { parseOptions } = require('./bench-get-many-items/options');
const { runEigiNode } = require('./bench-get-many-items/run-node');
const { startStandInProcess } = require('./bench-get-many-items/stand-in-process');

const ROOT = path.join(__dirname, '..');
const API_KEY = 'vk_bench_key';

/** Copies dist/ so a rebuild while the benchmark runs cannot change the code under test. */
function loadBuiltNode() {
	const built = path.join(ROOT, 'dist', 'nodes', 'Eigi', 'Eigi.node.js');
	if (!fs.existsSync(built)) throw new Error('dist/ has no Eigi node. Run "npm run build" first.');
	// Under node_modules/.cache: ESLint skips node_modules, and require() from there still finds
	// the repository's node_modules (n8n-workflow, zod).
	const copy = path.join(ROOT, 'node_modules', '.cache', 'eigi-bench', `dist-${process.pid}`);
	fs.mkdirSync(path.dirname(copy), { recursive: true });
	fs.cpSync(path.join(ROOT, 'dist'), copy, { recursive: true });
	return {
		folder: copy,
		Eigi: require(path.join(copy, 'nodes', 'Eigi', 'Eigi.node.js')).Eigi,
		EigiApi: require(path.join(copy, 'credentials', 'EigiApi.credentials.js')).EigiApi,
	};
}

function itemsOf(count, prefix) {
	return Array.from({ length: count }, (_, index) => ({
		json: { conversation_id: `${prefix}-${String(index).padStart(4, '0')}` },
	}));
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

// CPU time of this process (the engine, the node or the bare client) in milliseconds.
function cpuMs(since) {
	const usage = process.cpuUsage(since);
	return (usage.user + usage.system) / 1000;
}

async function runGet(dist, standIn, items, options) {
	const started = performance.now();
	const cpuStart = process.cpuUsage();
	const result = await runEigiNode({
		dist,
		credentials: { apiKey: API_KEY, baseUrl: standIn.url },
		items,
		parameters: {
			resource: 'conversation',
			operation: 'get',
			conversationId: '={{ $json.conversation_id }}',
			options,
		},
	});
	const wallMs = performance.now() - started;
	const cpuUsedMs = cpuMs(cpuStart);
	const failed = result.items.filter((item) => item.json.error !== undefined).length;
	const wrongOrder = result.items.some(
		(item, index) => item.json.conversation_id !== items[index].json.conversation_id,
	);
	if (result.error || failed > 0 || result.items.length !== items.length || wrongOrder) {
		throw new Error(
			`run failed: error=${result.error?.message ?? 'none'}, items=${result.items.length}/${items.length}, error items=${failed}, order ${wrongOrder ? 'wrong' : 'kept'}`,
		);
	}
	return { wallMs, cpuMs: cpuUsedMs };
}

// The same requests from a bare HTTP client, `concurrency` at a time: the floor on this machine.
async function runBareClient(standIn, items, concurrency) {
	const started = performance.now();
	const cpuStart = process.cpuUsage();
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const id = items[next].json.conversation_id;
			next += 1;
			const response = await fetch(`${standIn.url}/v1/public/conversations/${id}`, {
				headers: { 'X-API-Key': API_KEY, Accept: 'application/json' },
			});
			if (response.status !== 200) throw new Error(`bare client got HTTP ${response.status}`);
			await response.json();
		}
	};
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { wallMs: performance.now() - started, cpuMs: cpuMs(cpuStart) };
}

// n8n-core loads parts of itself on the first execution. A small unmeasured run keeps that one-off
// cost out of the first measured run, as in an n8n that is already running.
async function warmUp(dist, options) {
	const standIn = await startStandInProcess({ latencyMs: options.latencyMs });
	try {
		await runGet(dist, standIn, itemsOf(25, 'warm-up'), {});
		await runBareClient(standIn, itemsOf(25, 'warm-up'), options.concurrency);
	} finally {
		await standIn.close();
	}
}

async function throughput(dist, options) {
	await warmUp(dist, options);
	const items = itemsOf(options.items, 'bench');
	const idealMs = (options.items * options.latencyMs) / options.concurrency;
	const runs = [];
	for (let run = 1; run <= options.runs; run++) {
		const standIn = await startStandInProcess({ latencyMs: options.latencyMs });
		try {
			const bare = await runBareClient(standIn, items, options.concurrency);
			const node = await runGet(dist, standIn, items, { concurrency: options.concurrency });
			runs.push({
				nodeMs: node.wallMs,
				bareMs: bare.wallMs,
				nodeCpuMsPerItem: node.cpuMs / items.length,
				bareCpuMsPerItem: bare.cpuMs / items.length,
			});
			console.log(
				`throughput run ${run}: node ${node.wallMs.toFixed(0)} ms (${(node.wallMs / idealMs).toFixed(3)}x ideal, CPU ${(node.cpuMs / items.length).toFixed(2)} ms/item), bare client ${bare.wallMs.toFixed(0)} ms (CPU ${(bare.cpuMs / items.length).toFixed(2)} ms/item)`,
			);
		} finally {
			await standIn.close();
		}
	}
	const nodeMs = median(runs.map((run) => run.nodeMs));
	const bareMs = median(runs.map((run) => run.bareMs));
	return {
		items: options.items,
		latencyMs: options.latencyMs,
		concurrency: options.concurrency,
		idealMs,
		runs,
		medianNodeMs: nodeMs,
		medianBareMs: bareMs,
		medianNodeCpuMsPerItem: median(runs.map((run) => run.nodeCpuMsPerItem)),
		medianBareCpuMsPerItem: median(runs.map((run) => run.bareCpuMsPerItem)),
		ratioToIdeal: nodeMs / idealMs,
		ratioToBare: nodeMs / bareMs,
		goalMet: nodeMs / idealMs <= 1.2,
	};
}

async function ceilingRun(dist, options, requestsPerMinute) {
	const standIn = await startStandInProcess({
		latencyMs: options.latencyMs,
		rateLimitPerMinute: options.standInLimit,
	});
	try {
		const items = itemsOf(options.limitItems, `ceiling-${requestsPerMinute}`);
		const { wallMs } = await runGet(dist, standIn, items, { requestsPerMinute });
		const statuses = { ...standIn.statuses };
		return { requestsPerMinute, wallMs, statuses, tooManyRequests: statuses[429] ?? 0 };
	} finally {
		await standIn.close();
	}
}

function describeMachine() {
	return {
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		cores: os.cpus().length,
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		node: process.version,
		loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
	};
}

async function main() {
	const options = parseOptions(process.argv.slice(2));
	const dist = loadBuiltNode();
	try {
		const report = {
			options,
			machine: describeMachine(),
			throughput: await throughput(dist, options),
		};
		const t = report.throughput;
		console.log(
			`throughput median: ${t.medianNodeMs.toFixed(0)} ms for ${t.items} items; ideal ${t.idealMs} ms; ratio ${t.ratioToIdeal.toFixed(3)}x (goal <= 1.2x: ${t.goalMet ? 'met' : 'missed'}); bare client ${t.medianBareMs.toFixed(0)} ms (node/bare ${t.ratioToBare.toFixed(3)}x); CPU per item: node ${t.medianNodeCpuMsPerItem.toFixed(2)} ms, bare ${t.medianBareCpuMsPerItem.toFixed(2)} ms`,
		);

		if (!options.skipCeiling) {
			report.ceiling = await ceilingRun(dist, options, options.ceiling);
			report.noCeiling = await ceilingRun(dist, options, 0);
			for (const run of [report.ceiling, report.noCeiling]) {
				console.log(
					`${options.limitItems} items, stand-in limit ${options.standInLimit}/min, Requests Per Minute ${run.requestsPerMinute || 'none'}: ${run.tooManyRequests} 429s, ${(run.wallMs / 1000).toFixed(1)} s, statuses ${JSON.stringify(run.statuses)}`,
				);
			}
		}

		const resultsFile = path.join(ROOT, 'bench-results', `get-many-items-${Date.now()}.json`);
		fs.writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
		console.log(`results written to ${path.relative(ROOT, resultsFile)}`);
		if (report.ceiling && report.ceiling.tooManyRequests > 0) process.exitCode = 1;
	} finally {
		fs.rmSync(dist.folder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(`bench-get-many-items failed: ${error.message}`);
	process.exit(1);
});
