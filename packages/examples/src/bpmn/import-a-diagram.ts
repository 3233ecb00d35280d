import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bpmnSourceLoader, checkBpmnNotation, importBpmn, joinDiagram } from '@tracery/bpmn';
import { formatDiagnostic, loadRepository } from '@tracery/core';

// What the @tracery/bpmn README quotes: load a repository with its diagrams, then import one more
// diagram against the model and see what it would add. Run: node dist/bpmn/import-a-diagram.js
const repository = join(import.meta.dirname, '..', '..', 'mhhs');

// 1. Diagrams named by `sources.bpmn` in tracery.yaml join the model when the repository loads.
const { model, diagnostics } = await loadRepository(repository, { loaders: [bpmnSourceLoader()] });
console.log(`${model.elementCount} elements; ${diagnostics.length} diagnostics`);

// 2. Any other diagram: parse and map it against the model, then join it to a copy of the model.
const file = 'bpmn/bp004-data-collection.bpmn';
const imported = await importBpmn(await readFile(join(repository, file)), { file, model });
const joined = joinDiagram(imported, { model: model.clone(), base: model });
for (const d of [...imported.diagnostics, ...checkBpmnNotation(imported.parsed), ...joined.diagnostics])
  console.log(formatDiagnostic(d));
console.log(`${file} adds ${joined.elements.length} elements and ${joined.relations.length} relations`);
