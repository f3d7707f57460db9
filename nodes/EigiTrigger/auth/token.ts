import { createHash, timingSafeEqual } from 'crypto';

/** Name of the query parameter that carries the secret token in the URL entered in eigi. */
export const TOKEN_QUERY_PARAMETER = 'token';

/** Name of the credential type that stores the secret token. */
export const TOKEN_CREDENTIAL_TYPE = 'eigiWebhookTokenApi';

export const TOKEN_MIN_LENGTH = 16;

export const TOKEN_MAX_LENGTH = 512;

// Unreserved URL characters (RFC 3986), so the token can be pasted into a URL without encoding.
export const TOKEN_CHARACTERS = /^[A-Za-z0-9._~-]+$/;

function sha256(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares a received token with the stored one in constant time. Both are hashed first, so
 * `timingSafeEqual` always compares two 32-byte digests and the time spent reveals neither the
 * content nor the length of the stored token.
 */
export function tokensMatch(received: string, expected: string): boolean {
	return timingSafeEqual(sha256(received), sha256(expected));
}

/**
 * The `token` query parameter as received: one value, none, several different values, or a value
 * that is not a string (bracket syntax such as `token[a]=…`, which the query parser turns into an
 * object).
 */
export type QueryToken =
	| { status: 'present'; token: string }
	| { status: 'missing' }
	| { status: 'conflicting'; count: number }
	| { status: 'notString' };

/**
 * Reads the `token` query parameter. A token repeated with the same value is accepted. The
 * received values are only compared with each other, never with the stored token.
 */
export function readQueryToken(query: unknown): QueryToken {
	if (typeof query !== 'object' || query === null) return { status: 'missing' };

	const value: unknown = (query as Record<string, unknown>)[TOKEN_QUERY_PARAMETER];
	if (value === undefined || value === '') return { status: 'missing' };

	const values: unknown[] = Array.isArray(value) ? value : [value];
	if (values.some((entry) => typeof entry !== 'string')) return { status: 'notString' };
	if (new Set(values).size > 1) return { status: 'conflicting', count: values.length };

	const token = values[0] as string;
	return token === '' ? { status: 'missing' } : { status: 'present', token };
}

/** Returns why a token cannot be used, or undefined when it can. */
export function describeTokenProblem(token: unknown): string | undefined {
	if (typeof token !== 'string' || token === '') {
		return 'The token is empty. Enter a random string of at least 16 characters.';
	}
	if (token.length < TOKEN_MIN_LENGTH || token.length > TOKEN_MAX_LENGTH) {
		return `The token has ${token.length} characters; use ${TOKEN_MIN_LENGTH} to ${TOKEN_MAX_LENGTH}.`;
	}
	if (!TOKEN_CHARACTERS.test(token)) {
		return 'The token contains characters that must be encoded in a URL. Use only letters, digits and - . _ ~';
	}
	return undefined;
}
