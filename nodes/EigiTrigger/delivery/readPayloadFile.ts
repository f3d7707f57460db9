import type { IBinaryData, IWebhookFunctions } from 'n8n-workflow';

import type { FilePart } from './readDelivery';

export interface PayloadFile {
	text: string;
	/** The stored copy of the file part, attached to the emitted item as binary `payload`. */
	binary: IBinaryData;
}

const UTF8_BYTE_ORDER_MARK = '\uFEFF';

/**
 * Reads a `payload` sent as a file part. n8n's multipart parser saves file parts to temporary
 * files and deletes them when webhook() returns. Community nodes may not use the file system, so
 * the file is copied into n8n's binary-data storage with `nodeHelpers.copyBinaryFile`, as n8n's
 * own Webhook node does with uploads. The bytes are then read back through the binary helpers:
 * from the returned object in n8n's in-memory mode, from the store in the other modes.
 *
 * NOTE: in a stored mode the copy is owned by the execution only when the delivery starts one.
 * A file-part delivery answered with 400 or ignored (test call, duplicate) leaves its copy under
 * n8n's temporary binary-data folder, because nodes have no helper to delete stored binary data.
 */
export async function readPayloadFile(
	context: IWebhookFunctions,
	file: FilePart,
): Promise<PayloadFile> {
	const binary = await context.nodeHelpers.copyBinaryFile(
		file.filepath,
		file.originalFilename || 'payload.json',
		file.mimetype || 'application/json',
	);

	let bytes: Buffer;
	if (binary.id) {
		bytes = await context.helpers.binaryToBuffer(await context.helpers.getBinaryStream(binary.id));
	} else {
		bytes = Buffer.from(binary.data, 'base64');
	}

	let text = bytes.toString('utf8');
	if (text.startsWith(UTF8_BYTE_ORDER_MARK)) text = text.slice(1);
	return { text, binary };
}
