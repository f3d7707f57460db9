// Jest globalTeardown of the e2e project: stops the n8n server and the stand-in from global-setup.js.
module.exports = async function globalTeardown() {
	await globalThis.eigiE2eEnvironment?.stop();
};
