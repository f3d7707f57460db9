const MAX_MESSAGE_LENGTH = 300;

interface ValidationIssue {
	loc?: unknown;
	msg?: unknown;
}

/** Returns the message in an eigi error body, or undefined when the body has none. */
export function messageFromBody(body: unknown): string | undefined {
	const parsed = parseBody(body);
	if (typeof parsed === 'string') return cleanText(parsed);
	if (!parsed || typeof parsed !== 'object') return undefined;

	const record = parsed as Record<string, unknown>;
	const detail = record.detail;
	if (typeof detail === 'string' && detail.trim() !== '') return cleanText(detail);
	if (Array.isArray(detail)) return validationSummary(detail as ValidationIssue[]);

	for (const key of ['message', 'error']) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return cleanText(value);
	}
	return cleanText(JSON.stringify(parsed));
}

// FastAPI answers 422 with `{"detail": [{"loc": ["body", "message"], "msg": "…"}]}`.
function validationSummary(issues: ValidationIssue[]): string | undefined {
	const parts = issues.map((issue) => {
		const location = Array.isArray(issue.loc) ? issue.loc.join('.') : '';
		const message = typeof issue.msg === 'string' ? issue.msg : JSON.stringify(issue);
		return location ? `${location}: ${message}` : message;
	});
	return parts.length > 0 ? cleanText(parts.join('; ')) : undefined;
}

function parseBody(body: unknown): unknown {
	const text = Buffer.isBuffer(body)
		? body.toString('utf8')
		: body instanceof ArrayBuffer
			? Buffer.from(body).toString('utf8')
			: body;
	if (typeof text !== 'string') return text;
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

// HTML error pages from proxies carry no useful message; long bodies are cut.
function cleanText(text: string): string | undefined {
	const collapsed = text.replace(/\s+/g, ' ').trim();
	if (collapsed === '' || collapsed.startsWith('<')) return undefined;
	if (collapsed.length <= MAX_MESSAGE_LENGTH) return collapsed;
	return `${collapsed.slice(0, MAX_MESSAGE_LENGTH)}…`;
}
