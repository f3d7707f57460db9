import { PREVIEW_LENGTH, previewValue } from './InvalidDeliveryError';

const EXCERPT_RADIUS = 20;

function textOf(value: unknown): string {
	return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

function firstDifference(first: string, second: string): number {
	const shorter = Math.min(first.length, second.length);
	for (let index = 0; index < shorter; index++) {
		if (first[index] !== second[index]) return index;
	}
	return shorter;
}

function excerptAt(text: string, index: number): string {
	const start = Math.max(0, index - EXCERPT_RADIUS);
	const end = index + EXCERPT_RADIUS;
	const prefix = start > 0 ? '…' : '';
	const suffix = end < text.length ? '…' : '';
	return `${prefix}${JSON.stringify(text.slice(start, end))}${suffix}`;
}

function isCut(value: unknown): boolean {
	return (JSON.stringify(value) ?? String(value)).length > PREVIEW_LENGTH;
}

/**
 * Describes the values of a field sent more than once with different values. Previews are cut at
 * 80 characters and may look the same, so when a value is longer the description gives the
 * lengths of the first two different values and where they first differ.
 */
export function describeRepeatedValues(values: unknown[]): string {
	const texts = values.map(textOf);
	const first = texts[0];
	const second = texts.find((text) => text !== first);
	if (second === undefined || !values.some(isCut)) {
		return `(${values.slice(0, 3).map(previewValue).join(', ')})`;
	}

	const index = firstDifference(first, second);
	return `of ${first.length} and ${second.length} characters that first differ at character ${index + 1}: ${excerptAt(first, index)} versus ${excerptAt(second, index)}`;
}
