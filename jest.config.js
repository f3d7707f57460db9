// Two projects: `unit` runs the nodes in-process (helpers, webhook(), and n8n-core's
// WorkflowExecute with nock standing in for eigi's API); `e2e` runs them inside a real n8n
// server, one file at a time because each server takes about 750 MB and a CPU core.
const shared = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	setupFiles: ['<rootDir>/test/setup-env.js'],
};

module.exports = {
	projects: [
		{ ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
	],
};
