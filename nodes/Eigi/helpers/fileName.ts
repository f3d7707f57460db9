const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/wav': 'wav',
	'audio/x-wav': 'wav',
	'audio/wave': 'wav',
	'audio/ogg': 'ogg',
	'audio/webm': 'webm',
	'audio/mp4': 'm4a',
};

/**
 * Returns a file name for a recording: the URL's last path segment when it has an extension,
 * else `<conversation id>.<extension from the content type>` (`.mp3` when unknown).
 */
export function recordingFileName(url: URL, conversationId: string, contentType?: string): string {
	const segment = safeDecode(url.pathname.split('/').pop() ?? '');
	if (/^[\w .-]+\.[A-Za-z0-9]{2,5}$/.test(segment)) return segment;

	const extension = EXTENSIONS[mimeTypeOf(contentType) ?? ''] ?? 'mp3';
	const safeId = conversationId.replace(/[^\w.-]/g, '_');
	return `${safeId}.${extension}`;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Returns the MIME type of a Content-Type header, or undefined when it names no specific type. */
export function mimeTypeOf(contentType?: string): string | undefined {
	const mimeType = (contentType ?? '').split(';')[0].trim().toLowerCase();
	return mimeType === '' || mimeType === 'application/octet-stream' ? undefined : mimeType;
}
