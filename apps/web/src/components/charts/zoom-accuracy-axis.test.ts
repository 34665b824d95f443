import { describe, expect, it } from 'vitest';
import { zoomAccuracyAxis } from './zoom-accuracy-axis.ts';

describe('zoomAccuracyAxis', () => {
  it('starts a 99 % model just below its weakest class, so 98.7 % and 100 % differ', () => {
    expect(zoomAccuracyAxis([0.987, 1, 0.995])).toEqual({ start: 0.95, isBroken: true });
  });

  it('leaves room below a value on a round number', () => {
    expect(zoomAccuracyAxis([0.9, 0.97])).toEqual({ start: 0.85, isBroken: true });
  });

  it('starts at 0 without a break when a class is near 0', () => {
    expect(zoomAccuracyAxis([0.005, 0.5])).toEqual({ start: 0, isBroken: false });
  });

  it('takes no values as a full axis top', () => {
    expect(zoomAccuracyAxis([])).toEqual({ start: 0.95, isBroken: true });
  });
});
