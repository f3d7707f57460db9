// Measures one side of one n8n instance: a round of deliveries with a fixed number in flight, and
// single deliveries for time to response. Each measurement ends only when the executions it
// started have finished, so no work spills into the next side's measurement.
const { runClosedLoop, sendOne } = require('./load');
const { cpuShares, readCpu } = require('./process-cpu');
const { EIGI_TRIGGER_TYPE } = require('./workflows');

function isAccepted(side, response) {
	if (response.status < 200 || response.status > 299) return false;
	// The Eigi Trigger returns 200 for ignored deliveries too, but those start no execution.
	return (
		side.nodeType !== EIGI_TRIGGER_TYPE ||
		(response.body.includes('"received":true') && !response.body.includes('"ignored"'))
	);
}

function describeRejections(side, responses) {
	const rejected = responses.filter((response) => !isAccepted(side, response));
	return rejected
		.slice(0, 3)
		.map((response) => `${response.id}: HTTP ${response.status} ${response.body.slice(0, 200)}`);
}

/**
 * Sends deliveries to `side` with `inFlight` open requests for `durationMs` (at most `maxCount`),
 * and waits for their executions. Returns the round's deliveries, seconds (first request to last
 * response or last execution end, whichever is later), CPU use, and the problems found.
 */
async function measureRound(instance, side, { delivery, durationMs, maxCount, inFlight, idFor }) {
	const { maxId } = await instance.counter.count(null, 0);
	const cpuBefore = readCpu(instance.server.pid);
	const load = await runClosedLoop({
		url: side.url,
		delivery,
		durationMs,
		maxCount,
		inFlight,
		idFor,
	});
	const count = load.responses.length;
	const executions = await instance.counter.waitForFinished({
		workflowId: side.workflowId,
		afterId: maxId,
		expected: count,
	});
	const cpu = cpuShares(cpuBefore, readCpu(instance.server.pid));

	const endedAt = Math.max(load.lastResponseAt, executions.lastStoppedAt ?? 0);
	const accepted = load.responses.filter((response) => isAccepted(side, response)).length;
	const problems = [];
	if (accepted !== count) {
		problems.push(
			`${side.label}: ${count - accepted} of ${count} deliveries were not accepted (${describeRejections(side, load.responses).join('; ')})`,
		);
	}
	if (executions.total !== count || executions.succeeded !== count) {
		problems.push(
			`${side.label}: ${count} deliveries started ${executions.total} executions, ${executions.succeeded} succeeded`,
		);
	}
	return {
		side: side.key,
		deliveries: count,
		seconds: (endedAt - load.startedAt) / 1000,
		responseSeconds: (load.lastResponseAt - load.startedAt) / 1000,
		cpuMs: cpu.n8nMs,
		loadGeneratorCpuMs: cpu.loadGeneratorMs,
		otherCores: cpu.otherCores,
		accepted,
		executions: { total: executions.total, succeeded: executions.succeeded },
		ids: load.responses.map((response) => response.id),
		problems,
	};
}

/** Sends one delivery, waits for its execution, and returns `{ ms, problems }`. */
async function measureOne(instance, side, { delivery, id }) {
	const { maxId } = await instance.counter.count(null, 0);
	const response = await sendOne({ url: side.url, delivery, id });
	const executions = await instance.counter.waitForFinished({
		workflowId: side.workflowId,
		afterId: maxId,
		expected: 1,
		pollMs: 20,
	});

	const problems = [];
	if (!isAccepted(side, response))
		problems.push(
			`${side.label}: ${id} got HTTP ${response.status} ${response.body.slice(0, 200)}`,
		);
	if (executions.total !== 1 || executions.succeeded !== 1) {
		problems.push(
			`${side.label}: delivery ${id} started ${executions.total} executions, ${executions.succeeded} succeeded`,
		);
	}
	return { ms: response.ms, id, problems };
}

module.exports = { measureOne, measureRound };
