// Describes where the benchmark ran: hardware, runtimes, n8n and the package revision.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { findN8n } = require('../../test/e2e/support/n8n-install');

function commandOutput(command, args, cwd) {
	try {
		return execFileSync(command, args, {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
		}).trim();
	} catch {
		return null;
	}
}

/** Returns the machine, runtime and version facts printed with the results. */
function describeMachine(packageRoot) {
	const installed = findN8n();
	const n8nManifest = JSON.parse(
		fs.readFileSync(path.join(installed.n8nDir, 'node_modules', 'n8n', 'package.json'), 'utf8'),
	);
	const packageManifest = JSON.parse(
		fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'),
	);
	// The build comes from the working tree, so uncommitted and untracked sources count as changes.
	const changed = commandOutput(
		'git',
		['status', '--porcelain', '--', 'nodes', 'credentials', 'package.json'],
		packageRoot,
	);
	return {
		cpuModel: os.cpus()[0]?.model ?? 'unknown',
		cores: os.cpus().length,
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		platform: `${os.type()} ${os.release()} ${os.arch()}`,
		loadGeneratorNode: process.version,
		n8nNode: commandOutput(installed.nodeBin, ['-v'], packageRoot),
		n8nVersion: n8nManifest.version,
		packageVersion: `${packageManifest.name} ${packageManifest.version}`,
		gitCommit: commandOutput('git', ['rev-parse', '--short', 'HEAD'], packageRoot),
		gitWorkingTreeChanged: changed === null ? null : changed !== '',
	};
}

module.exports = { describeMachine };
