/**
 * Runs `task` for the indexes 0…count-1 with at most `concurrency` tasks at a time and returns
 * the results in index order. Once `shouldStop()` returns true no new task starts, and the
 * results of tasks never started are undefined.
 */
export async function mapWithConcurrency<T>(
	count: number,
	concurrency: number,
	task: (index: number) => Promise<T>,
	shouldStop: () => boolean = () => false,
): Promise<Array<T | undefined>> {
	const results = new Array<T | undefined>(count).fill(undefined);
	let next = 0;

	const worker = async (): Promise<void> => {
		while (next < count && !shouldStop()) {
			const index = next;
			next += 1;
			results[index] = await task(index);
		}
	};

	const workers = Math.max(1, Math.min(concurrency, count));
	await Promise.all(Array.from({ length: workers }, async () => await worker()));
	return results;
}
