// E.164: a plus sign, a country code that does not start with 0, at most 15 digits in all.
const E164 = /^\+[1-9]\d{1,14}$/;

// Separators people type inside phone numbers; they carry no meaning in E.164.
const SEPARATORS = /[\s().-]/g;

/**
 * Returns `raw` in E.164 form (`+919876543210`) after removing spaces, dots, dashes and
 * brackets, or undefined when what remains is not E.164.
 */
export function toE164(raw: string): string | undefined {
	const compact = raw.replace(SEPARATORS, '');
	return E164.test(compact) ? compact : undefined;
}
