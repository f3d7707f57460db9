// Jest 30 reads `testTimeout` from the top-level config only, so the e2e project sets its own here:
// deliveries spaced like eigi's retries (10 s apart) make a test take about 45 s.
jest.setTimeout(180_000);
