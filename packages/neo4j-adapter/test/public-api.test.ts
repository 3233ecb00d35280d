import { expect, test } from 'vitest';
import * as api from '../src/index.js';

test('the public surface is what the README documents', () => {
  expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
    [
      "DEFAULT_ELEMENT_LABEL",
      "EXPORT_RECORD_LABEL",
      "Neo4jConnectionError",
      "Neo4jQueryError",
      "Neo4jServerError",
      "buildTestServer",
      "checkName",
      "escapeName",
      "exportModel",
      "graphHash",
      "importIntoTestServer",
      "levelCypher",
      "openDriver",
      "pullModel",
      "queryDownstream",
      "queryImpact",
      "queryUpstream",
      "relationshipTypeMap",
      "relationshipTypeOf",
      "resolveScope",
      "schemaStatements",
      "startTestServer",
      "stopTestServer",
      "withConnection",
      "writeImportCsv",
    ]
  `);
});
