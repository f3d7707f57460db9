// Command-line options of scripts/bench-get-many-items.js.
const DEFAULTS = {
	runs: 3,
	items: 500,
	latencyMs: 50,
	concurrency: 5,
	limitItems: 110,
	standInLimit: 100,
	ceiling: 90,
	skipCeiling: false,
};

const FLAGS = {
	'--runs': 'runs',
	'--items': 'items',
	'--latency': 'latencyMs',
	'--concurrency': 'concurrency',
	'--limit-items': 'limitItems',
	'--stand-in-limit': 'standInLimit',
	'--ceiling': 'ceiling',
};

/** Parses `argv` (without node and the script) into the benchmark options. */
function parseOptions(argv) {
	const options = { ...DEFAULTS };
	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index];
		if (flag === '--skip-ceiling') {
			options.skipCeiling = true;
			continue;
		}
		const name = FLAGS[flag];
		const value = Number(argv[index + 1]);
		if (!name || !Number.isInteger(value) || value < 1) {
			throw new Error(
				`Invalid argument "${flag} ${argv[index + 1] ?? ''}". Flags: ${Object.keys(FLAGS).join(', ')} with a whole number of at least 1, or --skip-ceiling.`,
			);
		}
		options[name] = value;
		index += 1;
	}
	if (options.ceiling >= options.standInLimit) {
		throw new Error(
			`--ceiling ${options.ceiling} must be below --stand-in-limit ${options.standInLimit}, or the ceiling cannot prevent 429s.`,
		);
	}
	return options;
}

module.exports = { parseOptions };
