/** @jsxRuntime automatic @jsxImportSource preact */
import { useSite } from './site-context.js';

const WIDTH = 560;
const HEIGHT = 200;
const PAD = 40;

/** Progress over time from git history: elements per month as bars, coverage as a line, drawn as SVG. */
export function ProgressChart() {
  const { data } = useSite();
  const points = data.progress;
  if (points.length === 0)
    return (
      <section aria-labelledby="progress">
        <h2 id="progress">Progress over time</h2>
        <p>No git history was read for this site.</p>
      </section>
    );
  const max = Math.max(1, ...points.map((p) => p.elements));
  const step = Math.min(80, (WIDTH - 2 * PAD) / points.length);
  const pct = (p: (typeof points)[number]) =>
    p.coverable === 0 ? 0 : Math.round((p.covered / p.coverable) * 100);
  const line = points
    .map((p, i) => `${PAD + i * step + step / 2},${HEIGHT - PAD - (pct(p) / 100) * (HEIGHT - 2 * PAD)}`)
    .join(' ');
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">Progress over time</h2>
      <figure class="chart">
        <figcaption>Elements per month (bars) and coverage in % (line), from git history</figcaption>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          width={WIDTH}
          height={HEIGHT}
          role="img"
          aria-label={points.map((p) => `${p.month}: ${p.elements} elements, ${pct(p)}% covered`).join('; ')}
        >
          {points.map((p, i) => {
            const h = (p.elements / max) * (HEIGHT - 2 * PAD);
            return (
              <g key={p.month}>
                <rect x={PAD + i * step + 4} y={HEIGHT - PAD - h} width={step - 8} height={h} class="bar">
                  <title>{`${p.month}: ${p.elements} elements`}</title>
                </rect>
                <text
                  x={PAD + i * step + step / 2}
                  y={HEIGHT - PAD + 16}
                  text-anchor="middle"
                  class="chart-label"
                >
                  {p.month}
                </text>
                <text
                  x={PAD + i * step + step / 2}
                  y={HEIGHT - PAD - h - 4}
                  text-anchor="middle"
                  class="chart-value"
                >
                  {String(p.elements)}
                </text>
              </g>
            );
          })}
          <polyline points={line} class="line" fill="none" />
        </svg>
      </figure>
      <table>
        <caption class="visually-hidden">Progress by month</caption>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col">Elements</th>
            <th scope="col">Covered</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.month}>
              <td>{p.month}</td>
              <td>{String(p.elements)}</td>
              <td>{`${p.covered} of ${p.coverable} (${pct(p)}%)`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
