// n8n-core reads its settings folder when a node runs and writes an encryption key there on
// first use. Point it at a throw-away folder so tests never touch the developer's ~/.n8n.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'eigi-jest-n8n-'));
}
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY || 'eigi-jest-encryption-key';
