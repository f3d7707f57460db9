// eigi API keys start with `vk_`, and the rest of their format is undocumented. Any `vk_` token
// of four or more key characters is therefore treated as a key.
const KEY_PATTERN = /vk_[A-Za-z0-9_-]{4,}/g;

/** Replaces API keys in `text`: every secret given and anything shaped like an eigi key. */
export function redactSecrets(text: string, secrets: string[]): string {
	let redacted = text;
	for (const secret of secrets) {
		if (secret.length > 0) redacted = redacted.split(secret).join('[redacted]');
	}
	return redacted.replace(KEY_PATTERN, 'vk_[redacted]');
}
