// Expands a JSON-LD document with jsonld.js in safe mode (which fails on any term, type or value it would drop) and
// with no document loader (the context must be inline: nothing is fetched). Prints, as JSON: the number of properties
// in the document and in its expanded form (equal when nothing was lost), and every property and type IRI used.
// Usage: node expand.js <file.jsonld>
'use strict';
const fs = require('fs');
const jsonld = require('jsonld');

function countProperties(node) {
  if (Array.isArray(node)) return node.reduce((n, x) => n + countProperties(x), 0);
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  for (const [key, value] of Object.entries(node)) {
    if (key === '@context') continue;
    if (!key.startsWith('@')) n++;
    n += countProperties(value);
  }
  return n;
}

function collect(node, properties, types) {
  if (Array.isArray(node)) { node.forEach(x => collect(x, properties, types)); return; }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === '@type') [].concat(value).forEach(t => types.add(t));
    else if (!key.startsWith('@')) properties.add(key);
    if (key !== '@value') collect(value, properties, types);
  }
}

(async () => {
  const doc = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const noNetwork = async url => { throw new Error('No document is fetched in tests: ' + url); };
  const expanded = await jsonld.expand(doc, { safe: true, documentLoader: noNetwork });
  const properties = new Set();
  const types = new Set();
  collect(expanded, properties, types);
  const nquads = await jsonld.toRDF(expanded, { format: 'application/n-quads', safe: true, documentLoader: noNetwork });
  process.stdout.write(JSON.stringify({
    documentProperties: countProperties(doc),
    expandedProperties: countProperties(expanded),
    triples: nquads.split('\n').filter(l => l.trim().length > 0).length,
    properties: [...properties].sort(),
    types: [...types].sort(),
  }));
})().catch(e => {
  process.stderr.write(String(e && (e.stack || e.message) || e) + (e && e.details ? '\n' + JSON.stringify(e.details) : '') + '\n');
  process.exit(1);
});
