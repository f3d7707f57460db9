// Writes execution counts from n8n's SQLite database, one JSON line per request line on stdin.
// Runs under Node 24 (node:sqlite) as one long-lived process, so the benchmark can poll while n8n
// is under load without starting a process per poll. The database is opened read-only.
//
// Usage: node execution-counter-child.js <database.sqlite>
// Request:  {"workflowId": "...", "afterId": 123}   (workflowId null = every workflow)
// Response: {"total", "finished", "succeeded", "maxId", "lastStoppedAt" (ms since epoch or null)}
const { DatabaseSync } = require('node:sqlite');
const readline = require('node:readline');

const db = new DatabaseSync(process.argv[2], { readOnly: true });
const FINAL = "('success', 'error', 'crashed', 'canceled')";
const query = db.prepare(
	`SELECT COUNT(*) AS total,
		COALESCE(SUM(status IN ${FINAL}), 0) AS finished,
		COALESCE(SUM(status = 'success'), 0) AS succeeded,
		COALESCE(MAX(CAST(id AS INTEGER)), 0) AS maxId,
		MAX(stoppedAt) AS lastStoppedAt
	FROM execution_entity
	WHERE (? IS NULL OR workflowId = ?) AND CAST(id AS INTEGER) > ?`,
);

// SQLite stores n8n's dates as UTC text without a zone ("2026-12-04 17:53:01.123").
function toEpochMs(value) {
	if (value === null || value === undefined) return null;
	return Date.parse(`${String(value).replace(' ', 'T')}Z`);
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
	try {
		const { workflowId = null, afterId = 0 } = JSON.parse(line);
		const row = query.get(workflowId, workflowId, afterId);
		const answer = { ...row, lastStoppedAt: toEpochMs(row.lastStoppedAt) };
		process.stdout.write(`${JSON.stringify(answer)}\n`);
	} catch (error) {
		process.stdout.write(`${JSON.stringify({ error: error.message })}\n`);
	}
});
