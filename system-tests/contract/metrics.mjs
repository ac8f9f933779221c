#!/usr/bin/env node
// The contract's counts, for docs/api/CONTRACT-METRICS.md: from an OpenAPI document (the gateway's aggregated one)
// and the linters' counts that lint.mjs wrote.
//
//   node metrics.mjs --openapi DIR/documents/aggregated.json --lint DIR/lint-counts.json --out DIR
//
// Writes DIR/metrics.json and DIR/metrics.md (a Markdown table) and prints the table.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function args(argv) {
  const a = {};
  for (let i = 0; i < argv.length; i += 2) a[argv[i].replace(/^--/, '')] = resolve(argv[i + 1]);
  if (!a.openapi || !a.out) throw new Error('usage: metrics.mjs --openapi FILE [--lint FILE] --out DIR');
  return a;
}

/** A schema that says something: a $ref, a type, properties, items or a composition. */
function typed(schema) {
  if (!schema || typeof schema !== 'object') return false;
  return ['$ref', 'type', 'properties', 'items', 'allOf', 'oneOf', 'anyOf', 'enum', 'const']
    .some((k) => k in schema);
}

export function measure(doc) {
  const m = {
    operations: 0,
    withOperationId: 0,
    distinctOperationIds: 0,
    deprecated: 0,
    successResponses: 0,
    successTyped: 0,
    successUntyped: 0,
    successWithoutContent: 0,
    createsAnswering201: 0,
    postOperations: 0,
    errorResponses: 0,
    errorResponsesWithSchema: 0,
    errorStatuses: [],
    responseHeadersDocumented: 0,
    operationsWithUndefinedSecurityScheme: 0,
    securitySchemes: Object.keys(doc.components?.securitySchemes ?? {}).sort(),
    numberedSchemaNames: 0,
    servers: (doc.servers ?? []).length,
  };
  const ids = new Set();
  const statuses = new Set();
  const schemes = new Set(m.securitySchemes);
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      m.operations++;
      if (op.operationId) {
        m.withOperationId++;
        ids.add(op.operationId);
      }
      if (op.deprecated) m.deprecated++;
      if (method === 'post') {
        m.postOperations++;
        if (op.responses?.['201']) m.createsAnswering201++;
      }
      const security = op.security ?? doc.security ?? [];
      if (security.some((req) => Object.keys(req).some((name) => !schemes.has(name)))) {
        m.operationsWithUndefinedSecurityScheme++;
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        const r = response.$ref ? resolveRef(doc, response.$ref) : response;
        m.responseHeadersDocumented += Object.keys(r?.headers ?? {}).length;
        const content = Object.values(r?.content ?? {});
        if (/^2/.test(status)) {
          m.successResponses++;
          if (content.length === 0) m.successWithoutContent++;
          else if (content.every((c) => typed(c.schema))) m.successTyped++;
          else m.successUntyped++;
        } else if (/^[45]/.test(status)) {
          m.errorResponses++;
          statuses.add(status);
          if (content.length > 0 && content.every((c) => typed(c.schema))) m.errorResponsesWithSchema++;
        }
      }
    }
  }
  m.distinctOperationIds = ids.size;
  m.errorStatuses = [...statuses].sort();
  m.numberedSchemaNames = Object.keys(doc.components?.schemas ?? {}).filter((n) => /[A-Za-z]\d+$/.test(n)).length;
  return m;
}

function resolveRef(doc, ref) {
  return ref.replace(/^#\//, '').split('/').reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')],
    doc);
}

function lintTotals(lint) {
  const t = {};
  for (const [tool, byDoc] of Object.entries(lint)) {
    for (const [name, c] of Object.entries(byDoc)) {
      t[`${tool}.${name}.errors`] = c.errors;
      t[`${tool}.${name}.warnings`] = c.warnings;
    }
  }
  return t;
}

function table(m, lint) {
  const rows = [
    ['operations', m.operations],
    ['with an operationId', `${m.withOperationId} (${m.distinctOperationIds} distinct)`],
    ['success responses (2xx)', m.successResponses],
    ['… typed (a schema on every media type)', m.successTyped],
    ['… untyped (`{}` or no schema)', m.successUntyped],
    ['… without content (204 and the like)', m.successWithoutContent],
    ['POST operations answering 201', `${m.createsAnswering201} of ${m.postOperations}`],
    ['documented errors (4xx/5xx responses)', m.errorResponses],
    ['… with a schema', m.errorResponsesWithSchema],
    ['error statuses that appear', m.errorStatuses.join(', ')],
    ['response headers documented', m.responseHeadersDocumented],
    ['operations naming an undefined security scheme', m.operationsWithUndefinedSecurityScheme],
    ['security schemes', m.securitySchemes.join(', ')],
    ['schema names ending in a number', m.numberedSchemaNames],
    ['servers', m.servers],
    ['deprecated operations', m.deprecated],
  ];
  if (lint) {
    for (const [tool, byDoc] of Object.entries(lint)) {
      for (const [name, c] of Object.entries(byDoc)) {
        const what = tool === 'asyncapi' ? 'AsyncAPI validation' : tool === 'spectral' ? 'Spectral (spectral:oas)'
          : 'Redocly (recommended)';
        rows.push([`${what}, ${name}: errors / warnings`, `${c.errors} / ${c.warnings}`]);
      }
    }
  }
  return ['| count | value |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n') + '\n';
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const a = args(process.argv.slice(2));
  const doc = JSON.parse(readFileSync(a.openapi, 'utf8'));
  const lint = a.lint ? JSON.parse(readFileSync(a.lint, 'utf8')) : null;
  const m = measure(doc);
  const result = { document: { title: doc.info?.title, version: doc.info?.version }, ...m,
    lint: lint ? lintTotals(lint) : undefined };
  writeFileSync(join(a.out, 'metrics.json'), JSON.stringify(result, null, 2) + '\n');
  const md = table(m, lint);
  writeFileSync(join(a.out, 'metrics.md'), md);
  console.log(md);
}
