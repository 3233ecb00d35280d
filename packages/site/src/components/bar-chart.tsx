/** @jsxRuntime automatic @jsxImportSource preact */
/** One bar: a label and its value, or its parts (stacked, each with a class that colours it). */
export type Bar = {
  readonly label: string;
  readonly parts: readonly { readonly value: number; readonly className: string; readonly name: string }[];
};

const ROW = 26;
const LABEL = 170;
const WIDTH = 560;

/**
 * A horizontal bar chart drawn as SVG on the server (no script needed), with the numbers written beside
 * each bar and a table of the same figures for screen readers.
 */
export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const total = (bar: Bar) => bar.parts.reduce((sum, p) => sum + p.value, 0);
  const max = Math.max(1, ...bars.map(total));
  const scale = (WIDTH - LABEL - 60) / max;
  const names = [...new Set(bars.flatMap((b) => b.parts.map((p) => p.name)))];
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`}
        width={WIDTH}
        height={bars.length * ROW + 4}
        role="img"
        aria-label={`${title}: ${bars.map((b) => `${b.label} ${total(b)}`).join(', ')}`}
      >
        {bars.map((bar, row) => {
          let x = LABEL;
          const y = row * ROW + 4;
          return (
            <g key={bar.label}>
              <text x={LABEL - 8} y={y + 15} text-anchor="end" class="chart-label">
                {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
              </text>
              {bar.parts.map((part) => {
                const width = part.value * scale;
                const rect = (
                  <rect x={x} y={y} width={width} height={ROW - 8} class={part.className}>
                    <title>{`${bar.label}: ${part.name} ${part.value}`}</title>
                  </rect>
                );
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + 15} class="chart-value">
                {String(total(bar))}
              </text>
            </g>
          );
        })}
      </svg>
      {names.length > 1 ? (
        <ul class="legend">
          {names.map((name) => {
            const className = bars.flatMap((b) => b.parts).find((p) => p.name === name)?.className ?? '';
            return (
              <li key={name}>
                <span class={`swatch ${className}`} /> {name}
              </li>
            );
          })}
        </ul>
      ) : null}
    </figure>
  );
}

/** Bars of single values from a record of counts, largest first (ties by label). */
export function countBars(counts: Readonly<Record<string, number>>, className = 'bar'): Bar[] {
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, value]) => ({ label, parts: [{ value, className, name: 'count' }] }));
}
