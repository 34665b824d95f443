import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ScatterChart, type ScatterPoint } from './scatter-chart.tsx';

const point = (x: number, y: number): ScatterPoint => ({
  id: `p${x}`,
  label: 'm',
  detail: 'd',
  x,
  y,
  href: '/models/m',
});

function draw(points: ScatterPoint[], xScale: 'linear' | 'log') {
  return renderToStaticMarkup(
    createElement(ScatterChart, {
      points,
      title: 't',
      xLabel: 'x',
      yLabel: 'y',
      xScale,
      formatX: String,
      formatY: String,
    }),
  );
}

describe('ScatterChart', () => {
  // A board with one model: every axis has a single value, which has no extent of its own.
  it.each([
    ['a log axis, a tiny single value (µs per image)', [point(0.004, 0.9)], 'log' as const],
    ['a linear axis, a single value', [point(3, 0.9)], 'linear' as const],
    ['a log axis, no positive value at all', [point(0, 0.9)], 'log' as const],
  ])('draws %s without NaN coordinates', (_, points, xScale) => {
    const svg = draw(points, xScale);
    expect(svg).toContain('<svg');
    expect(svg).not.toContain('NaN');
  });
});
