#!/usr/bin/env node
// Measures what the Eigi Trigger's webhook() costs for a 2 MB delivery (5,000 transcript turns,
// multipart, as n8n hands it over) against a bare JSON.parse of the same payload string, in the
// same process and alternating sample by sample. Goal: the trigger at most 1.5x JSON.parse.
//
// Run after `npm run build`:  node scripts/bench-parse.js [--runs 5] [--samples 40]
// Prints the machine and its load, each run's medians and ratio, and the median ratio over the
// runs. Writes the same as JSON to bench-results/parse.json.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const v8 = require('node:v8');
const vm = require('node:vm');
const { samplePayload } = require('../test/support/eigi-deliveries');

// Each sample starts after a full garbage collection. Without it, the garbage of one side's
// 2 MB parse is collected during the other side's sample, and which side pays depends on the
// order of the calls rather than on their cost.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

const ROOT = path.join(__dirname, '..');
const NODE_FILE = path.join(ROOT, 'dist/nodes/EigiTrigger/EigiTrigger.node.js');
const GOAL_RATIO = 1.5;
const WARMUP_SAMPLES = 10;

function readOption(name, fallback) {
	const index = process.argv.indexOf(`--${name}`);
	if (index === -1) return fallback;
	const value = Number(process.argv[index + 1]);
	if (!Number.isInteger(value) || value < 1) {
		throw new Error(
			`--${name} must be a whole number of at least 1, got ${process.argv[index + 1]}`,
		);
	}
	return value;
}

// Same shape as test/unit/trigger/deliveries.ts `longTranscript`: about 400 bytes per turn.
function buildPayloadText() {
	const transcript = [];
	for (let index = 0; index < 5000; index++) {
		transcript.push({
			role: index % 2 === 0 ? 'assistant' : 'user',
			content: `Turn ${index}: ${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(6)}ünïcødé 中文 😀`,
			timestamp: `2025-12-03T14:${String(Math.floor(index / 60) % 60).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}.000000+00:00`,
		});
	}
	return JSON.stringify(
		samplePayload('conversation.completed', {
			conversation_id: 'a28e7071-508e-4d45-8887-085531aafaba',
			conversation_transcript: transcript,
			conversation_analysis: [{ is_good: true }],
		}),
	);
}

// The parts of n8n's webhook context that webhook() uses, for a multipart POST with the
// trigger's default parameters (all events, no token, de-duplication on with an empty log).
// Each context is its own workflow, because the trigger remembers accepted keys per workflow in
// the n8n process and would answer a repeat of the same delivery as a duplicate.
let workflowCount = 0;
function webhookContext(payloadText) {
	const noop = () => {};
	const workflowId = `bench-${(workflowCount += 1)}`;
	return {
		getRequestObject: () => ({ method: 'POST' }),
		getHeaderData: () => ({ 'content-type': 'multipart/form-data; boundary=bench' }),
		getBodyData: () => ({
			data: { event: 'conversation.completed', payload: payloadText },
			files: {},
		}),
		getQueryData: () => ({}),
		getNodeParameter: (_name, fallback) => fallback,
		getWorkflowStaticData: () => ({}),
		getNode: () => ({ id: 'bench', name: 'Eigi Trigger' }),
		getWorkflow: () => ({ id: workflowId }),
		getMode: () => 'webhook',
		getResponseObject: () => {
			throw new Error('webhook() wrote its own response status: the delivery was rejected');
		},
		logger: { debug: noop, info: noop, warn: noop, error: noop },
	};
}

// Other processes slow both sides, but not always equally, so the output shows how busy the
// machine was (1, 5 and 15 minute load averages).
function loadAverage() {
	return os
		.loadavg()
		.map((value) => value.toFixed(2))
		.join(' ');
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

async function timeTrigger(trigger, context) {
	collectGarbage();
	const start = performance.now();
	const result = await trigger.webhook.call(context);
	const elapsed = performance.now() - start;
	if (result.workflowData?.[0]?.[0]?.json.conversation_transcript?.length !== 5000) {
		throw new Error(
			`webhook() did not emit the delivery: ${JSON.stringify(result.webhookResponse)}`,
		);
	}
	return elapsed;
}

function timeJsonParse(payloadText) {
	collectGarbage();
	const start = performance.now();
	const parsed = JSON.parse(payloadText);
	const elapsed = performance.now() - start;
	if (parsed.conversation_transcript.length !== 5000) throw new Error('JSON.parse lost turns');
	return elapsed;
}

async function runOnce(trigger, payloadText, samples) {
	const triggerMs = [];
	const jsonParseMs = [];
	for (let sample = 0; sample < WARMUP_SAMPLES + samples; sample++) {
		const context = webhookContext(payloadText);
		// Alternate which side goes first, so neither always runs right after the other.
		let triggerSample;
		let jsonParseSample;
		if (sample % 2 === 0) {
			triggerSample = await timeTrigger(trigger, context);
			jsonParseSample = timeJsonParse(payloadText);
		} else {
			jsonParseSample = timeJsonParse(payloadText);
			triggerSample = await timeTrigger(trigger, context);
		}
		if (sample < WARMUP_SAMPLES) continue;
		triggerMs.push(triggerSample);
		jsonParseMs.push(jsonParseSample);
	}
	const triggerMedian = median(triggerMs);
	const jsonParseMedian = median(jsonParseMs);
	return {
		trigger_ms: triggerMedian,
		json_parse_ms: jsonParseMedian,
		ratio: triggerMedian / jsonParseMedian,
	};
}

async function main() {
	const runs = readOption('runs', 5);
	const samples = readOption('samples', 40);
	if (!fs.existsSync(NODE_FILE))
		throw new Error(`${NODE_FILE} is missing: run npm run build first`);
	const { EigiTrigger } = require(NODE_FILE);
	const trigger = new EigiTrigger();
	const payloadText = buildPayloadText();

	const machine = {
		cpu: os.cpus()[0]?.model ?? 'unknown',
		cores: os.cpus().length,
		node: process.version,
		platform: `${os.platform()} ${os.arch()}`,
	};
	console.log(
		`machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}; load average ${loadAverage()}`,
	);
	console.log(
		`delivery: multipart POST, payload ${(Buffer.byteLength(payloadText) / 1e6).toFixed(2)} MB, 5000 turns; ${runs} runs of ${samples} samples (after ${WARMUP_SAMPLES} warm-up)`,
	);

	const results = [];
	for (let run = 1; run <= runs; run++) {
		const result = await runOnce(trigger, payloadText, samples);
		results.push(result);
		console.log(
			`run ${run}: webhook() ${result.trigger_ms.toFixed(2)} ms, JSON.parse ${result.json_parse_ms.toFixed(2)} ms, ratio ${result.ratio.toFixed(2)}x`,
		);
	}

	const ratio = median(results.map((result) => result.ratio));
	const verdict = ratio <= GOAL_RATIO ? 'met' : 'missed';
	console.log(`load average at the end: ${loadAverage()}`);
	console.log(
		`median ratio over ${runs} runs: ${ratio.toFixed(2)}x (goal ≤ ${GOAL_RATIO}x: ${verdict})`,
	);

	const outputDir = path.join(ROOT, 'bench-results');
	fs.mkdirSync(outputDir, { recursive: true });
	fs.writeFileSync(
		path.join(outputDir, 'parse.json'),
		`${JSON.stringify({ machine, load_average_end: os.loadavg(), runs: results, median_ratio: ratio, goal: GOAL_RATIO, verdict }, null, 2)}\n`,
	);
}

main().catch((error) => {
	console.error(`bench-parse failed: ${error.message}`);
	process.exit(1);
});
