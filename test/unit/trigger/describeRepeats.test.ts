import { describeRepeatedValues } from '../../../nodes/EigiTrigger/delivery/describeRepeats';

describe('describeRepeatedValues', () => {
	it('lists short values as previews', () => {
		expect(describeRepeatedValues(['a', 'b'])).toBe('("a", "b")');
	});

	it('locates the difference when the previews match', () => {
		const first = `${'x'.repeat(100)}A${'y'.repeat(30)}`;
		const second = `${'x'.repeat(100)}B${'y'.repeat(31)}`;

		expect(describeRepeatedValues([first, second])).toBe(
			`of 131 and 132 characters that first differ at character 101: …"${'x'.repeat(20)}A${'y'.repeat(19)}"… versus …"${'x'.repeat(20)}B${'y'.repeat(19)}"…`,
		);
	});

	it('locates a difference that is only extra length', () => {
		const first = 'z'.repeat(90);
		const second = `${first}!`;

		expect(describeRepeatedValues([first, first, second])).toBe(
			`of 90 and 91 characters that first differ at character 91: …"${'z'.repeat(20)}" versus …"${'z'.repeat(20)}!"`,
		);
	});
});
