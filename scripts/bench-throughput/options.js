// Command-line options of scripts/bench-throughput.js.
const SIDE_KEYS = ['eigi', 'minimal', 'webhook'];

const DEFAULTS = {
	runs: 3,
	rounds: 6,
	requestsPerRound: undefined,
	inFlight: 20,
	latencyRequests: 17,
	warmupRequests: 40,
};

const NUMBER_FLAGS = {
	'--runs': 'runs',
	'--rounds': 'rounds',
	'--requests': 'requestsPerRound',
	'--in-flight': 'inFlight',
	'--latency': 'latencyRequests',
	'--warmup': 'warmupRequests',
};

function positiveInteger(flag, text) {
	const value = Number(text);
	if (!Number.isInteger(value) || value < 1 || value > 100_000) {
		throw new Error(`${flag} must be a whole number from 1 to 100000; received "${text}".`);
	}
	return value;
}

function listOf(flag, text, allowed) {
	const values = (text ?? '')
		.split(',')
		.map((value) => value.trim())
		.filter(Boolean);
	const unknown = values.filter((value) => !allowed.includes(value));
	if (values.length === 0 || unknown.length > 0) {
		throw new Error(
			`${flag} takes a comma-separated list of ${allowed.join(', ')}; received "${text}".`,
		);
	}
	return values;
}

/** Parses argv into options; throws with the flag, the value and what it accepts. */
function parseOptions(argv, configurations) {
	const options = { ...DEFAULTS, sideKeys: SIDE_KEYS, configurations, keep: false };
	const configurationNames = configurations.map((configuration) => configuration.name);
	for (let index = 0; index < argv.length; index += 1) {
		const flag = argv[index];
		if (flag === '--keep') {
			options.keep = true;
		} else if (NUMBER_FLAGS[flag]) {
			options[NUMBER_FLAGS[flag]] = positiveInteger(flag, argv[(index += 1)]);
		} else if (flag === '--sides') {
			options.sideKeys = listOf(flag, argv[(index += 1)], SIDE_KEYS);
		} else if (flag === '--configurations') {
			const names = listOf(flag, argv[(index += 1)], configurationNames);
			options.configurations = configurations.filter((configuration) =>
				names.includes(configuration.name),
			);
		} else {
			throw new Error(
				`Unknown option "${flag}". Options: --keep, --sides, --configurations, ${Object.keys(NUMBER_FLAGS).join(', ')}.`,
			);
		}
	}
	return options;
}

module.exports = { parseOptions };
