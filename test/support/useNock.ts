import nock from 'nock';

/**
 * Sets up nock for one test file: no real connections, mocks and spies cleared after each test,
 * and nock's patch of Node's http module removed at the end. Jest shares the http module
 * between the test files of a worker, so a patch left behind would intercept the next file's
 * requests before its own mocks.
 */
export function useNock(): void {
	beforeAll(() => {
		if (!nock.isActive()) nock.activate();
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.cleanAll();
		jest.restoreAllMocks();
	});
	afterAll(() => {
		nock.enableNetConnect();
		nock.restore();
	});
}
