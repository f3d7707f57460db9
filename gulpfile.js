// Development watch for `npm run build:watch`. `tsc --watch` recompiles TypeScript but never copies
// the icons that n8n loads through `file:` paths, so an icon edited during development would not
// reach dist/ until the next `npm run build`. This task does both: it keeps tsc running and copies
// every SVG and PNG into the same place under dist/ as `n8n-node build` does.
const { spawn } = require('node:child_process');
const { src, dest, watch, parallel } = require('gulp');

const STATIC_FILES = ['icons/**/*.{png,svg}', 'nodes/**/*.{png,svg}', 'credentials/**/*.{png,svg}'];

function copyStaticFiles() {
	return src(STATIC_FILES, { base: '.', encoding: false }).pipe(dest('dist'));
}

function watchStaticFiles() {
	watch(STATIC_FILES, { ignoreInitial: false }, copyStaticFiles);
}

function watchTypeScript() {
	return spawn('npx', ['tsc', '--watch', '--preserveWatchOutput'], { stdio: 'inherit' });
}

exports['build:icons'] = copyStaticFiles;
exports.watch = parallel(watchTypeScript, watchStaticFiles);
