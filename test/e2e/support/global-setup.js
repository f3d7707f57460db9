// Jest globalSetup of the e2e project: one n8n server and one eigi API stand-in for all e2e test
// files. Test files find them through the run file named in EIGI_E2E_RUN_FILE.
// EIGI_E2E_PACKAGE_ROOT names another build of the package to test, such as an unpacked `npm pack`
// tarball: a folder with package.json and dist/. By default the suite tests this repository.
const { startE2eEnvironment } = require('./e2e-environment');

module.exports = async function globalSetup() {
	const environment = await startE2eEnvironment({
		packageRoot: process.env.EIGI_E2E_PACKAGE_ROOT || undefined,
	});
	globalThis.eigiE2eEnvironment = environment;
	process.env.EIGI_E2E_RUN_FILE = environment.runFile;

	const { timings, n8nUrl, userFolder } = environment.run;
	console.log(
		`\n[e2e] n8n at ${n8nUrl} (user folder ${userFolder}): import ${timings.importMs} ms, ` +
			`start to readiness ${timings.readinessMs} ms, publish and webhook registration ${timings.publishMs} ms`,
	);
};
