// Two projects. `unit` runs the nodes in-process: helpers, webhook(), and n8n-core's
// WorkflowExecute with nock standing in for eigi's API. `e2e` runs them inside one real n8n
// server that all e2e files share, so scripts/test.sh runs those files one at a time.
const shared = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	setupFiles: ['<rootDir>/test/setup-env.js'],
	// Builds copy package.json into dist/ (and benchmark builds into bench-results/), which would
	// give jest several modules of one name.
	modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/bench-results/'],
};

module.exports = {
	projects: [
		{ ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{
			...shared,
			displayName: 'e2e',
			testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
			// One n8n server and one eigi API stand-in serve every e2e file.
			globalSetup: '<rootDir>/test/e2e/support/global-setup.js',
			globalTeardown: '<rootDir>/test/e2e/support/global-teardown.js',
			setupFilesAfterEnv: ['<rootDir>/test/e2e/support/jest-timeout.js'],
		},
	],
};
