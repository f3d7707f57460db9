// Picks TCP ports at run time, since other test runs on the same machine may hold any fixed port.
const net = require('node:net');

/**
 * Returns a port that was free on 127.0.0.1 a moment ago. Another process can still take it
 * before the caller binds it; a failed bind then shows up as a start error.
 */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

module.exports = { freePort };
