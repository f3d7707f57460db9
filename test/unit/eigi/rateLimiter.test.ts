import { RATE_WINDOW_MS, RequestRateLimiter } from '../../../nodes/Eigi/transport/rateLimiter';
import { useVirtualClock } from './eigiTestKit';

afterEach(() => jest.restoreAllMocks());

describe('RequestRateLimiter', () => {
	it('lets the first requests of a window through at once', async () => {
		const clock = useVirtualClock();
		const limiter = new RequestRateLimiter(3);
		for (let i = 0; i < 3; i++) await limiter.acquire();
		expect(clock.sleeps).toEqual([]);
	});

	it('holds a request over the ceiling until the window moves', async () => {
		const clock = useVirtualClock();
		const start = clock.now();
		const limiter = new RequestRateLimiter(3);
		const sentAt: number[] = [];
		for (let i = 0; i < 7; i++) {
			await limiter.acquire();
			sentAt.push(clock.now() - start);
		}
		expect(sentAt).toEqual([
			0,
			0,
			0,
			RATE_WINDOW_MS,
			RATE_WINDOW_MS,
			RATE_WINDOW_MS,
			2 * RATE_WINDOW_MS,
		]);
	});

	it('keeps every window at or under the ceiling with concurrent callers', async () => {
		const clock = useVirtualClock();
		const limiter = new RequestRateLimiter(4);
		const sentAt: number[] = [];
		await Promise.all(
			Array.from({ length: 13 }, async () => {
				await limiter.acquire();
				sentAt.push(clock.now());
			}),
		);
		sentAt.sort((a, b) => a - b);
		expect(sentAt).toHaveLength(13);
		for (let i = 0; i + 4 < sentAt.length; i++) {
			expect(sentAt[i + 4] - sentAt[i]).toBeGreaterThanOrEqual(RATE_WINDOW_MS);
		}
	});

	it('never waits without a ceiling', async () => {
		const clock = useVirtualClock();
		const limiter = new RequestRateLimiter(0);
		for (let i = 0; i < 1000; i++) await limiter.acquire();
		expect(clock.sleeps).toEqual([]);
	});

	it('pauses every caller until a given time', async () => {
		const clock = useVirtualClock();
		const limiter = new RequestRateLimiter(0);
		limiter.pauseUntil(clock.now() + 4000);
		const waited = await limiter.acquire();
		expect(waited).toBe(4000);
		expect(clock.sleeps).toEqual([4000]);
	});

	it('keeps the later of two pauses', async () => {
		const clock = useVirtualClock();
		const limiter = new RequestRateLimiter(0);
		limiter.pauseUntil(clock.now() + 5000);
		limiter.pauseUntil(clock.now() + 1000);
		expect(await limiter.acquire()).toBe(5000);
	});
});
