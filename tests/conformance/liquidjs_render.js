// Renders every case of a conformance file with liquidjs and prints the outcomes as
// JSON: [{"ok": true, "out": "..."} | {"ok": false, "error": "..."}], one per case.
// Usage: node liquidjs_render.js NODE_MODULES_DIR CASES.json
'use strict';
const path = require('path');
const fs = require('fs');

const [modules, casesFile] = process.argv.slice(2);
const { Liquid } = require(path.join(modules, 'liquidjs'));
const suite = JSON.parse(fs.readFileSync(casesFile, 'utf8'));

const common = { timezoneOffset: 0, strictFilters: false, strictVariables: false, lenientIf: true };
const plain = new Liquid(common);
const html = new Liquid({ ...common, outputEscape: 'escape' });
const now = Date.parse(suite.now);
Date.now = () => now;  // "now" and "today" render the same instant in both engines

const results = suite.cases.map((c) => {
  const engine = c.html ? html : plain;
  const data = c.data !== undefined ? c.data : suite.data;
  try {
    return { ok: true, out: engine.parseAndRenderSync(c.t, data) };
  } catch (e) {
    return { ok: false, error: String(e.message) };
  }
});
process.stdout.write(JSON.stringify(results));
