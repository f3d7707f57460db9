// Reads the CPU time used so far by every process in a process group (n8n's main process and its
// task runner), from /proc on Linux.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

let ticksPerSecond;

function clockTicksPerSecond() {
	if (ticksPerSecond === undefined) {
		const output = execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
		ticksPerSecond = Number(output.trim()) || 100;
	}
	return ticksPerSecond;
}

/** Returns `{ pgrp, cpuTicks }` from /proc/<pid>/stat, or null for a process that has exited. */
function readStat(pid) {
	let text;
	try {
		text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return null;
	}
	// The command name (field 2) may contain spaces, so fields are counted after its ")".
	const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
	return { pgrp: Number(fields[2]), cpuTicks: Number(fields[11]) + Number(fields[12]) };
}

/**
 * Returns the user plus system CPU time, in milliseconds, of the live processes in group `pgid`.
 * Returns null where /proc is missing (not Linux).
 */
function groupCpuMs(pgid) {
	if (!fs.existsSync('/proc/self/stat')) return null;

	let ticks = 0;
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = readStat(entry);
		if (stat && stat.pgrp === pgid) ticks += stat.cpuTicks;
	}
	return (ticks * 1000) / clockTicksPerSecond();
}

/**
 * Returns the CPU time, in milliseconds, that all cores have spent busy since boot, from
 * /proc/stat. Busy is everything but idle and I/O wait. Returns null where /proc is missing.
 */
function machineBusyMs() {
	if (!fs.existsSync('/proc/stat')) return null;

	const [user, nice, system, , , irq, softirq, steal] = fs
		.readFileSync('/proc/stat', 'utf8')
		.split('\n')[0]
		.trim()
		.split(/\s+/)
		.slice(1)
		.map(Number);
	return ((user + nice + system + irq + softirq + steal) * 1000) / clockTicksPerSecond();
}

/** Returns this process's own user plus system CPU time in milliseconds. */
function ownCpuMs() {
	const usage = process.cpuUsage();
	return (usage.user + usage.system) / 1000;
}

/**
 * Reads the CPU counters that `cpuShares()` compares: n8n's process group, this process and the
 * whole machine.
 */
function readCpu(pgid) {
	return { n8n: groupCpuMs(pgid), own: ownCpuMs(), machine: machineBusyMs(), at: Date.now() };
}

/**
 * Returns the CPU used between two `readCpu()` samples: n8n's milliseconds, the load
 * generator's milliseconds, and the average number of cores that every other process on the
 * machine kept busy (other benchmarks or builds that disturb the measurement).
 */
function cpuShares(before, after) {
	const n8nMs = before.n8n === null ? null : after.n8n - before.n8n;
	const ownMs = after.own - before.own;
	const seconds = (after.at - before.at) / 1000;
	const otherCores =
		before.machine === null || n8nMs === null
			? null
			: (after.machine - before.machine - n8nMs - ownMs) / 1000 / seconds;
	return { n8nMs, loadGeneratorMs: ownMs, otherCores };
}

module.exports = { cpuShares, readCpu };
