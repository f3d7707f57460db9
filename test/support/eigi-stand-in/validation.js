// Request validation with FastAPI's error shapes, since eigi's backend is FastAPI: 422 with
// `{"detail": [{"type", "loc", "msg", "input"}]}`.

const E164 = /^\+[1-9]\d{1,14}$/;
const PAGE_SIZE_MAX = 100;
const MESSAGE_MAX = 4000;

function issue(type, loc, msg, input) {
	return { type, loc, msg, input };
}

function unprocessable(issues) {
	return { status: 422, body: { detail: issues } };
}

function integerIn(query, name, fallback, min, max) {
	const raw = query.get(name);
	if (raw === null) return { value: fallback };

	const value = Number(raw);
	if (!/^-?\d+$/.test(raw)) {
		return { issue: issue('int_parsing', ['query', name], 'Input should be a valid integer', raw) };
	}
	if (value < min) {
		return {
			issue: issue(
				'greater_than_equal',
				['query', name],
				`Input should be greater than or equal to ${min}`,
				raw,
			),
		};
	}
	if (value > max) {
		return {
			issue: issue(
				'less_than_equal',
				['query', name],
				`Input should be less than or equal to ${max}`,
				raw,
			),
		};
	}
	return { value };
}

function dateIn(query, name) {
	const raw = query.get(name);
	if (raw === null || raw === '') return {};

	const ms = Date.parse(raw);
	if (Number.isNaN(ms)) {
		return {
			issue: issue(
				'datetime_from_date_parsing',
				['query', name],
				'Input should be a valid datetime',
				raw,
			),
		};
	}
	return { value: ms };
}

function requiredString(body, name) {
	const value = body[name];
	if (value === undefined || value === null)
		return issue('missing', ['body', name], 'Field required', body);
	if (typeof value !== 'string')
		return issue('string_type', ['body', name], 'Input should be a valid string', value);
	return null;
}

function optionalOf(body, name, type) {
	const value = body[name];
	if (value === undefined || value === null) return null;
	if (type === 'object' && (typeof value !== 'object' || Array.isArray(value))) {
		return issue('dict_type', ['body', name], 'Input should be a valid dictionary', value);
	}
	if (type !== 'object' && typeof value !== type) {
		return issue(
			`${type === 'boolean' ? 'bool' : type}_type`,
			['body', name],
			`Input should be a valid ${type}`,
			value,
		);
	}
	return null;
}

/** Validates the body of POST /v1/public/calls/outbound; returns an error response or null. */
function validateOutbound(body) {
	const issues = [requiredString(body, 'agent_id'), optionalOf(body, 'is_test_call', 'boolean')];
	if (!Array.isArray(body.params) || body.params.length === 0) {
		issues.push(
			issue(
				'too_short',
				['body', 'params'],
				'List should have at least 1 item',
				body.params ?? null,
			),
		);
	} else {
		body.params.forEach((param, index) => {
			const number = param?.mobile_number;
			if (typeof number !== 'string') {
				issues.push(
					issue('missing', ['body', 'params', index, 'mobile_number'], 'Field required', param),
				);
			}
			if (
				param?.metadata !== undefined &&
				(typeof param.metadata !== 'object' || Array.isArray(param.metadata))
			) {
				issues.push(
					issue(
						'dict_type',
						['body', 'params', index, 'metadata'],
						'Input should be a valid dictionary',
						param.metadata,
					),
				);
			}
		});
	}
	const provider = body.telephony_provider;
	if (provider !== undefined && provider !== null && !/^(plivo|twilio)$/i.test(String(provider))) {
		issues.push(
			issue(
				'enum',
				['body', 'telephony_provider'],
				"Input should be 'PLIVO' or 'TWILIO'",
				provider,
			),
		);
	}

	const found = issues.filter(Boolean);
	if (found.length > 0) return unprocessable(found);

	const invalid = body.params.find((param) => !E164.test(param.mobile_number));
	if (invalid) {
		return {
			status: 400,
			body: {
				detail: `Invalid mobile number '${invalid.mobile_number}'. Numbers must be in E.164 format, e.g. +14155550123.`,
			},
		};
	}
	return null;
}

/** Validates the body of POST /v1/public/chat; returns an error response or null. */
function validateChat(body) {
	const issues = [
		requiredString(body, 'agent_id'),
		requiredString(body, 'message'),
		optionalOf(body, 'session_id', 'string'),
		optionalOf(body, 'metadata', 'object'),
		optionalOf(body, 'streaming', 'boolean'),
	];
	// eigi's backend is Python, which counts characters as code points: an emoji counts once.
	const length = typeof body.message === 'string' ? Array.from(body.message).length : undefined;
	if (length !== undefined && length < 1) {
		issues.push(
			issue(
				'string_too_short',
				['body', 'message'],
				'String should have at least 1 character',
				body.message,
			),
		);
	}
	if (length !== undefined && length > MESSAGE_MAX) {
		issues.push(
			issue(
				'string_too_long',
				['body', 'message'],
				`String should have at most ${MESSAGE_MAX} characters`,
				length,
			),
		);
	}

	const found = issues.filter(Boolean);
	return found.length > 0 ? unprocessable(found) : null;
}

module.exports = {
	PAGE_SIZE_MAX,
	dateIn,
	integerIn,
	unprocessable,
	validateChat,
	validateOutbound,
};
