// Command-line options of scripts/bench-throughput.js.
const { SIDES } = require('./workflows');

const DEFAULT_SIDE_KEYS = ['eigi', 'minimal', 'webhook'];

const DEFAULTS = {
	runs: 3,
	rounds: 6,
	roundSeconds: undefined,
	inFlight: 20,
	latencyRequests: 17,
	warmupRequests: 40,
};

/** Numeric flags: option name, smallest and largest value, and whether fractions are allowed. */
const NUMBER_FLAGS = {
	'--runs': ['runs', 1, 100, false],
	'--rounds': ['rounds', 1, 1000, false],
	'--round-seconds': ['roundSeconds', 0.5, 600, true],
	'--in-flight': ['inFlight', 1, 1000, false],
	'--latency': ['latencyRequests', 1, 10_000, false],
	'--warmup': ['warmupRequests', 1, 10_000, false],
};

function numberOption(flag, text) {
	const [name, minimum, maximum, fractions] = NUMBER_FLAGS[flag];
	const value = Number(text);
	const wholeEnough = fractions || Number.isInteger(value);
	if (
		text === undefined ||
		!Number.isFinite(value) ||
		!wholeEnough ||
		value < minimum ||
		value > maximum
	) {
		const kind = fractions ? 'a number' : 'a whole number';
		throw new Error(`${flag} must be ${kind} from ${minimum} to ${maximum}; received "${text}".`);
	}
	return [name, value];
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

/** Parses argv into options. Throws an error naming the flag, the value and what it accepts. */
function parseOptions(argv, configurations) {
	const options = { ...DEFAULTS, sideKeys: DEFAULT_SIDE_KEYS, configurations, keep: false };
	const configurationNames = configurations.map((configuration) => configuration.name);
	for (let index = 0; index < argv.length; index += 1) {
		const flag = argv[index];
		if (flag === '--keep') {
			options.keep = true;
		} else if (NUMBER_FLAGS[flag]) {
			const [name, value] = numberOption(flag, argv[(index += 1)]);
			options[name] = value;
		} else if (flag === '--sides') {
			options.sideKeys = listOf(flag, argv[(index += 1)], Object.keys(SIDES));
		} else if (flag === '--configurations') {
			const names = listOf(flag, argv[(index += 1)], configurationNames);
			options.configurations = configurations.filter((configuration) =>
				names.includes(configuration.name),
			);
		} else {
			const known = ['--keep', '--sides', '--configurations', ...Object.keys(NUMBER_FLAGS)];
			throw new Error(`Unknown option "${flag}". Options: ${known.join(', ')}.`);
		}
	}
	return options;
}

module.exports = { parseOptions };
