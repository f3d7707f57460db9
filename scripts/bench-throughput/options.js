// Command-line options of scripts/bench-throughput.js.
const { SIDES } = require('./workflows');

/** An invalid command-line option. Its message names the flag, the value and the fix. */
class OptionError extends Error {}

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
		throw new OptionError(
			`${flag} must be ${kind} from ${minimum} to ${maximum}. Received "${text}".`,
		);
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
		throw new OptionError(
			`${flag} takes a comma-separated list of ${allowed.join(', ')}. Received "${text}".`,
		);
	}
	return values;
}

/** Returns `{ NAME: value }` from a `NAME=value` argument. */
function environmentVariable(flag, text) {
	const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text ?? '');
	if (!match)
		throw new OptionError(
			`${flag} takes NAME=value, for example N8N_LOG_LEVEL=warn. Received "${text}".`,
		);
	return { [match[1]]: match[2] };
}

/** Parses argv into options. Throws an error naming the flag, the value and what it accepts. */
function parseOptions(argv, configurations) {
	const options = {
		...DEFAULTS,
		sideKeys: DEFAULT_SIDE_KEYS,
		configurations,
		keep: false,
		n8nEnvironment: {},
	};
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
		} else if (flag === '--n8n-env') {
			Object.assign(options.n8nEnvironment, environmentVariable(flag, argv[(index += 1)]));
		} else {
			const known = [
				'--keep',
				'--sides',
				'--configurations',
				'--n8n-env',
				...Object.keys(NUMBER_FLAGS),
			];
			throw new OptionError(`Unknown option "${flag}". Options: ${known.join(', ')}.`);
		}
	}
	return options;
}

module.exports = { OptionError, parseOptions };
