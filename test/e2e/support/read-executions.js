// Prints the executions of one workflow as JSON, read straight from n8n's SQLite database.
// Runs under Node 24 (node:sqlite) while n8n is running; the database is opened read-only.
//
// Usage: node read-executions.js <database.sqlite> <path of n8n's flatted package> <workflowId> [afterId]
// Output: [{ id, status, mode, finished, error, nodes: { <node name>: [run, …] } }] where a run is
// { outputs: [[item, …], …], error } and an item is { json, binary: { <key>: { id, data, mimeType, fileName, fileSize } }, pairedItem }.
const { DatabaseSync } = require('node:sqlite');

const [dbPath, flattedPath, workflowId, afterId = '0'] = process.argv.slice(2);
const { parse } = require(flattedPath);

function describeItem(item) {
	const binary = {};
	for (const [key, data] of Object.entries(item.binary ?? {})) {
		binary[key] = {
			id: data.id,
			// Set only when n8n keeps binary data in the execution itself (base64), not in a file.
			data: data.id ? undefined : data.data,
			mimeType: data.mimeType,
			fileName: data.fileName,
			fileSize: data.fileSize,
			fileExtension: data.fileExtension,
		};
	}
	return { json: item.json, binary, pairedItem: item.pairedItem };
}

function describeError(error) {
	if (!error) return undefined;
	return {
		message: error.message,
		description: error.description,
		httpCode: error.httpCode,
		name: error.name,
	};
}

function describeRun(run) {
	return {
		outputs: (run.data?.main ?? []).map((output) => (output ?? []).map(describeItem)),
		error: describeError(run.error),
	};
}

const db = new DatabaseSync(dbPath, { readOnly: true });
const rows = db
	.prepare(
		`SELECT e.id, e.status, e.mode, e.finished, d.data FROM execution_entity e
		 LEFT JOIN execution_data d ON d.executionId = e.id
		 WHERE e.workflowId = ? AND CAST(e.id AS INTEGER) > ? ORDER BY CAST(e.id AS INTEGER)`,
	)
	.all(workflowId, Number(afterId));

const executions = rows.map((row) => {
	const data = row.data ? parse(row.data) : {};
	const runData = data.resultData?.runData ?? {};
	const nodes = {};
	for (const [name, runs] of Object.entries(runData)) nodes[name] = runs.map(describeRun);
	return {
		id: Number(row.id),
		status: row.status,
		mode: row.mode,
		finished: Boolean(row.finished),
		error: describeError(data.resultData?.error),
		nodes,
	};
});
process.stdout.write(JSON.stringify(executions));
