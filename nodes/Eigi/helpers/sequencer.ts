/**
 * Runs tasks that share a key one after another, in the order they were queued, whether earlier
 * ones succeed or fail. Tasks without a key run at once.
 */
export class KeyedSequencer {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string | undefined, task: () => Promise<T>): Promise<T> {
		if (key === undefined) return await task();

		const previous = this.tails.get(key) ?? Promise.resolve();
		const current = previous.then(task, task);
		this.tails.set(
			key,
			current.catch(() => undefined),
		);
		return await current;
	}
}
