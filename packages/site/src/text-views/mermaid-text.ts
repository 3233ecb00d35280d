import { visibleControls } from '../render-page.js';

/**
 * Characters that end or change a Mermaid label (quotes, brackets, pipes, angle brackets, `#` and `;`
 * of entity codes, `%` of comments, backticks of Markdown strings), written as Mermaid's entity codes.
 */
const SPECIAL = /["#;<>&[\](){}|%`\\]/g;

/**
 * Text as a quoted Mermaid label: special characters become entity codes (`#quot;`, `#60;` ...), line
 * breaks spaces and control characters their visible pictures (U+0007 as ␇), so model text never ends
 * the label or becomes markup.
 *
 * @example
 * mermaidLabel('A "quoted" <b>') // '"A #34;quoted#34; #60;b#62;"'
 */
export function mermaidLabel(text: string): string {
  const flat = visibleControls(text.replace(/\r\n|\r|\n|\t/g, ' '));
  return `"${flat.replace(SPECIAL, (c) => `#${c.charCodeAt(0)};`)}"`;
}

/** Node shapes Mermaid flowcharts draw; the label goes between the two halves. */
export const SHAPES = {
  box: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  circle: ['((', '))'],
  diamond: ['{', '}'],
  subroutine: ['[[', ']]'],
} as const;

/** A shape name of {@link SHAPES}. */
export type Shape = keyof typeof SHAPES;

/**
 * A Mermaid flowchart built from model ids: each id gets a generated node name (`n0`, `n1` ...), so no
 * id ever has to be valid Mermaid; names, labels and titles go through {@link mermaidLabel}.
 */
export class MermaidFlowchart {
  private readonly names = new Map<string, string>();
  private readonly lines: string[] = [];
  private readonly groups = new Map<string, string[]>();

  constructor(private readonly direction: 'LR' | 'TD' = 'LR') {}

  /** Adds a node once (later calls for the same id give its name); `group` puts it in a subgraph. */
  node(
    id: string,
    label: string,
    shape: Shape = 'box',
    options: { group?: string; className?: string } = {},
  ): string {
    const known = this.names.get(id);
    if (known) return known;
    const name = `n${this.names.size}`;
    this.names.set(id, name);
    const [open, close] = SHAPES[shape];
    const line = `${name}${open}${mermaidLabel(label)}${close}${options.className ? `:::${options.className}` : ''}`;
    if (options.group === undefined) this.lines.push(`  ${line}`);
    else this.groups.set(options.group, [...(this.groups.get(options.group) ?? []), `    ${line}`]);
    return name;
  }

  /** True when the id has a node. */
  has(id: string): boolean {
    return this.names.has(id);
  }

  /** An edge between two ids that have nodes, with an optional label; dotted for weaker links. */
  edge(from: string, to: string, label?: string, dotted = false): void {
    const a = this.names.get(from);
    const b = this.names.get(to);
    if (!a || !b) throw new Error(`edge ${from} -> ${to}: both ends need a node first.`);
    const arrow = dotted ? '-.->' : '-->';
    this.lines.push(`  ${a} ${arrow}${label ? `|${mermaidLabel(label)}|` : ''} ${b}`);
  }

  /** How many edges the chart has (Mermaid refuses more than 500 by default). */
  get edgeCount(): number {
    return this.lines.filter((l) => l.includes('-->') || l.includes('-.->')).length;
  }

  /** The chart as Mermaid source, with class definitions for the classes used. */
  render(classDefs: Readonly<Record<string, string>> = {}): string {
    const groups = [...this.groups].map(
      ([title, lines], i) => `  subgraph g${i}[${mermaidLabel(title)}]\n${lines.join('\n')}\n  end`,
    );
    const defs = Object.entries(classDefs).map(([name, style]) => `  classDef ${name} ${style}`);
    return `flowchart ${this.direction}\n${[...groups, ...this.lines, ...defs].join('\n')}\n`;
  }
}
