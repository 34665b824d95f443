'use client';

import { type ReactNode, useState } from 'react';

/** A card for one mark, in the chart's SVG coordinates. */
export type ChartTip = { x: number; y: number; lines: string[] };

type Props = { width: number; height: number; title: string; tips: ChartTip[]; children: ReactNode };

const LINE_HEIGHT = 16;
const PADDING = 8;
/** Width of a character at the card's font size, for sizing the card without measuring text. */
const CHAR_WIDTH = 6.4;

/**
 * The chart's <svg>, with a hover and keyboard-focus card drawn above every mark. Marks are
 * server-rendered children carrying `data-tip="<index>"`; one delegated listener finds which is
 * pointed at, so the marks need no script of their own.
 */
export function HoverTips({ width, height, title, tips, children }: Props) {
  const [active, setActive] = useState<number | null>(null);
  const pick = (target: EventTarget) => {
    const mark = target instanceof Element ? target.closest('[data-tip]') : null;
    setActive(mark ? Number(mark.getAttribute('data-tip')) : null);
  };
  const tip = active === null ? undefined : tips[active];
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      className="chart__svg"
      onPointerOver={(event) => pick(event.target)}
      onPointerLeave={() => setActive(null)}
      onFocus={(event) => pick(event.target)}
      onBlur={() => setActive(null)}
    >
      <title>{title}</title>
      {children}
      {tip ? <TipCard tip={tip} width={width} height={height} /> : null}
    </svg>
  );
}

function TipCard({ tip, width, height }: { tip: ChartTip; width: number; height: number }) {
  const cardWidth = Math.max(...tip.lines.map((text) => text.length)) * CHAR_WIDTH + 2 * PADDING;
  const cardHeight = tip.lines.length * LINE_HEIGHT + PADDING;
  // Right of and above the mark, flipped to the other side where it would leave the chart.
  const left = tip.x + 10 + cardWidth > width ? tip.x - 10 - cardWidth : tip.x + 10;
  const top = tip.y - 10 - cardHeight < 0 ? tip.y + 10 : tip.y - 10 - cardHeight;
  return (
    <g className="chart__tip" data-testid="chart-tip" pointerEvents="none">
      <rect x={Math.max(0, left)} y={Math.min(top, height - cardHeight)} width={cardWidth} height={cardHeight} rx={6} />
      {tip.lines.map((text, index) => (
        <text
          key={text}
          className={index === 0 ? 'chart__tip-title' : 'chart__tip-line'}
          x={Math.max(0, left) + PADDING}
          y={Math.min(top, height - cardHeight) + PADDING / 2 + (index + 1) * LINE_HEIGHT - 4}
        >
          {text}
        </text>
      ))}
    </g>
  );
}
