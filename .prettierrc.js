module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
	// npm writes package.json with two spaces; keep it that way so installs leave no diff.
	overrides: [{ files: ['package.json', 'package-lock.json'], options: { useTabs: false } }],
};
