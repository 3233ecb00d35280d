import { join } from 'node:path';
import { InvalidArgumentError, RepositoryError } from '../errors/tracery-error.js';
import { relationKey } from '../model/element.js';
import type { Model } from '../model/model.js';
import { writeFileAtomic } from '../repository/write-file-atomic.js';
import { baselineText } from './baseline-text.js';
import { canonicalElementOf, canonicalRelationOf } from './canonical-form.js';
import { sha256 } from './content-hash.js';
import { BASELINES_FOLDER } from './load-state.js';
import { byKey } from './snapshot.js';

/** A baseline name: letters, digits, dots, dashes and underscores, so that it is a safe file name. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Writes baselines/NAME.json: the model in canonical form with a content hash per element and
 * relation. Returns the repository path of the file. A baseline is meant to be fixed: an existing one
 * is never replaced (a {@link RepositoryError}) unless `force` says so.
 *
 * @example
 * await createBaseline(loaded.root, 'T1-approved', loaded.model) // 'baselines/T1-approved.json'
 */
export async function createBaseline(
  root: string,
  name: string,
  model: Model,
  options: { readonly force?: boolean } = {},
): Promise<string> {
  if (!NAME.test(name) || name.endsWith('.json'))
    throw new InvalidArgumentError(
      `name: "${name}" is not a baseline name; use letters, digits, ".", "-" and "_" (such as T1-approved).`,
    );
  const file = `${BASELINES_FOLDER}/${name}.json`;
  const text = baselineText(name, elementLines(model), relationLines(model));
  try {
    await writeFileAtomic(join(root, file), text, { exclusive: options.force !== true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new RepositoryError(
      `${file} already exists; a baseline is fixed once made: choose another name, or replace it with --force (force: true).`,
    );
  }
  return file;
}

/*
 * The entry lines of a model's baseline file, in key order, each made as it is written: the same
 * bytes as baselineJson(name, createSnapshot(model)), without a canonical copy of the whole model or
 * the whole file's text in memory. Each entry's canonical JSON is made once, hashed, and written as
 * it is: JSON.stringify({ hash, element }) is `{"hash":"<hex>","element":` + that JSON + `}`.
 */
function* elementLines(model: Model): Generator<string> {
  for (const element of byKey([...model.elements()].map((e) => [e.id, e])).values()) {
    const json = JSON.stringify(canonicalElementOf(element));
    yield `{"hash":"${sha256(json)}","element":${json}}`;
  }
}

function* relationLines(model: Model): Generator<string> {
  for (const relation of byKey([...model.relations()].map((r) => [relationKey(r), r])).values()) {
    const json = JSON.stringify(canonicalRelationOf(relation));
    yield `{"hash":"${sha256(json)}","relation":${json}}`;
  }
}
