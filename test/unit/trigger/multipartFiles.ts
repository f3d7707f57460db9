import type { IBinaryData, IDataObject, IWebhookFunctions } from 'n8n-workflow';

/** A file part as n8n's multipart parser leaves it, plus the bytes of its temporary file. */
export interface FilePartSpec {
	content: string | Buffer;
	filename?: string;
	mimetype?: string;
}

/** Builds a multipart body as n8n 2.41 hands it to webhook(): `{ data, files }`, single values unwrapped. */
export function multipartBody(
	fields: Array<[string, string]>,
	files: Record<string, FilePartSpec | FilePartSpec[]> = {},
): { body: IDataObject; fileContents: Map<string, Buffer> } {
	const data: IDataObject = {};
	for (const [name, value] of fields) {
		const previous = data[name];
		if (previous === undefined) data[name] = value;
		else data[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
	}

	const fileContents = new Map<string, Buffer>();
	const fileParts: IDataObject = {};
	let counter = 0;
	for (const [name, spec] of Object.entries(files)) {
		const parts = (Array.isArray(spec) ? spec : [spec]).map((part) => {
			const filepath = `/tmp/formidable-upload-${++counter}`;
			const bytes = Buffer.isBuffer(part.content)
				? part.content
				: Buffer.from(part.content, 'utf8');
			fileContents.set(filepath, bytes);
			return {
				filepath,
				originalFilename: part.filename ?? 'payload.json',
				mimetype: part.mimetype ?? 'application/json',
				size: bytes.length,
			};
		});
		fileParts[name] = parts.length === 1 ? parts[0] : parts;
	}
	return { body: { data, files: fileParts }, fileContents };
}

type BinaryStream = Awaited<ReturnType<IWebhookFunctions['helpers']['getBinaryStream']>>;

// Yields the bytes as one chunk, in place of the Readable that n8n's binary-data store returns.
function streamOf(bytes: Buffer): BinaryStream {
	async function* chunks() {
		yield bytes;
	}
	return chunks() as unknown as BinaryStream;
}

/**
 * Replaces the context's binary helpers with an in-memory binary-data store: `memory` mode
 * returns the bytes in the object, as n8n's in-memory mode does, `stored` mode returns an id.
 */
export function installBinaryHelpers(
	context: IWebhookFunctions,
	fileContents: Map<string, Buffer>,
	mode: 'memory' | 'stored',
	copiedFiles: string[],
): void {
	const stored = new Map<string, Buffer>();
	const copyBinaryFile = jest.fn(
		async (filePath: string, fileName: string, mimeType?: string): Promise<IBinaryData> => {
			copiedFiles.push(filePath);
			const bytes = fileContents.get(filePath);
			if (!bytes) throw new Error(`ENOENT: no such file, open '${filePath}'`);
			if (mode === 'memory') {
				return { data: bytes.toString('base64'), mimeType: mimeType ?? '', fileName };
			}
			const id = `filesystem-v2:workflows/1/executions/temp/binary_data/${stored.size + 1}`;
			stored.set(id, bytes);
			return { id, data: 'filesystem-v2', mimeType: mimeType ?? '', fileName };
		},
	);
	context.nodeHelpers = { copyBinaryFile };

	context.helpers.getBinaryStream = jest.fn(async (id: string) => {
		const bytes = stored.get(id);
		if (!bytes) throw new Error(`unknown binary data id ${id}`);
		return streamOf(bytes);
	});
	context.helpers.binaryToBuffer = jest.fn(async (body: Buffer | BinaryStream) => {
		if (Buffer.isBuffer(body)) return body;
		const chunks: Buffer[] = [];
		for await (const chunk of body) chunks.push(Buffer.from(chunk as Buffer));
		return Buffer.concat(chunks);
	});
}
