// Checks which node and credential types a running n8n loaded, from the type files n8n writes to
// <user folder>/.cache/n8n/public/types/ at start (the /types/*.json URLs need a login in n8n 2.x).
const fs = require('node:fs');
const path = require('node:path');

const WAIT_MS = 60_000;
// n8n writes the type files once, after loading every package; the grace covers a slow write.
const GRACE_AFTER_WRITE_MS = 5_000;

function typesFolder(userFolder) {
	return path.join(userFolder, '.cache', 'n8n', 'public', 'types');
}

function readNames(file) {
	try {
		return new Set(JSON.parse(fs.readFileSync(file, 'utf8')).map((type) => type.name));
	} catch {
		// The file is missing or still being written.
		return null;
	}
}

function packageErrors(logPath) {
	if (!fs.existsSync(logPath)) return '';
	const lines = fs.readFileSync(logPath, 'utf8').split('\n');
	const index = lines.findIndex((line) => line.includes('Failed to load package "n8n-nodes-eigi"'));
	return index === -1 ? '' : `\n${lines.slice(index, index + 8).join('\n')}`;
}

/**
 * Waits until n8n's type files list every expected node and credential type. Throws, naming the
 * missing ones, when n8n did not load them.
 */
async function assertTypesLoaded(userFolder, { nodes, credentials }, logPath) {
	const folder = typesFolder(userFolder);
	const startedAt = Date.now();
	let writtenAt;
	let missing = [...nodes, ...credentials];
	while (Date.now() - startedAt < WAIT_MS) {
		const nodeNames = readNames(path.join(folder, 'nodes.json'));
		const credentialNames = readNames(path.join(folder, 'credentials.json'));
		if (nodeNames && credentialNames) {
			missing = [
				...nodes.filter((name) => !nodeNames.has(name)),
				...credentials.filter((name) => !credentialNames.has(name)),
			];
			if (missing.length === 0) return;
			writtenAt ??= Date.now();
			if (Date.now() - writtenAt > GRACE_AFTER_WRITE_MS) break;
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(
		`n8n did not load ${missing.join(', ')} (type files in ${folder}). ` +
			`Rebuild with "npm run build" and read the n8n log ${logPath}.${packageErrors(logPath)}`,
	);
}

module.exports = { assertTypesLoaded };
