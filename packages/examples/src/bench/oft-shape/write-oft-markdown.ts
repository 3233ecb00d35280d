import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type OftItem, oftId } from './generate-oft-items.js';

function markdown(item: OftItem): string {
  const lines = [
    `### ${item.type} ${item.name}`,
    '',
    `\`${oftId(item)}\``,
    '',
    // OpenFastTrace reads the status only right after the id; after the description it is text.
    ...(item.status ? [`Status: ${item.status}`, ''] : []),
    `The ${item.type} item ${item.name}.`,
    '',
  ];
  if (item.covers.length > 0) lines.push('Covers:', '', ...item.covers.map((c) => `* ${c}`), '');
  if (item.needs.length > 0) lines.push(`Needs: ${item.needs.join(', ')}`, '');
  return lines.join('\n');
}

/** Writes the items in OpenFastTrace's Markdown format, `perFile` items to a file under `dir/spec/`. */
export async function writeOftMarkdown(
  dir: string,
  items: readonly OftItem[],
  perFile = 2000,
): Promise<void> {
  await mkdir(join(dir, 'spec'), { recursive: true });
  for (let start = 0, n = 1; start < items.length; start += perFile, n++) {
    const body = items
      .slice(start, start + perFile)
      .map(markdown)
      .join('\n');
    await writeFile(
      join(dir, 'spec', `spec-${String(n).padStart(4, '0')}.md`),
      `# Specification part ${n}\n\n${body}`,
    );
  }
}
