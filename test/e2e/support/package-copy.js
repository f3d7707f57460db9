// Installs the built package into an n8n user folder the way `npm install` in ~/.n8n/nodes does:
// a copy of package.json and dist/ under .n8n/nodes/node_modules/n8n-nodes-eigi. A copy (not a
// symlink) makes n8n-workflow and zod resolve from the host n8n, as they do in production.
const fs = require('node:fs');
const path = require('node:path');

/** Returns the built files listed in package.json's `n8n` section that dist/ lacks. */
function missingBuildFiles(packageRoot) {
	const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
	const listed = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	return listed.filter((file) => !fs.existsSync(path.join(packageRoot, file)));
}

/** Copies the package into `<userFolder>/.n8n/nodes/node_modules/<name>`; returns that folder. */
function installBuiltPackage(packageRoot, userFolder) {
	const missing = missingBuildFiles(packageRoot);
	if (missing.length > 0) {
		throw new Error(
			`The package is not built: ${missing.join(', ')} missing. Run "npm run build" first.`,
		);
	}

	const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8'));
	const target = path.join(userFolder, '.n8n', 'nodes', 'node_modules', manifest.name);
	fs.mkdirSync(target, { recursive: true });
	fs.copyFileSync(path.join(packageRoot, 'package.json'), path.join(target, 'package.json'));
	fs.cpSync(path.join(packageRoot, 'dist'), path.join(target, 'dist'), { recursive: true });
	return target;
}

module.exports = { installBuiltPackage, missingBuildFiles };
