'use strict';

// What both recorders write down about a call: a JSON copy of a value, the test or hook that made the call, and the
// line of the test file it came from.

const path = require('path');

const serialisable = (value) => {
  try {
    return JSON.parse(JSON.stringify(value === undefined ? null : value));
  } catch (error) {
    return `<not serialisable: ${error.message}>`;
  }
};

const describeRunnable = (sourceDir, runnable) => {
  if (!runnable) return { file: null, title: '<outside a test>' };
  const file = runnable.file || (runnable.parent && runnable.parent.file) || null;
  return {
    file: file && path.relative(sourceDir, file),
    title: runnable.fullTitle(),
    kind: runnable.type === 'hook' ? 'hook' : 'test',
  };
};

// The line of the test file that made the call (the innermost frame in a test file).
const callSite = (sourceDir) => {
  const frame = (new Error().stack || '')
    .split('\n')
    .map((line) => line.match(/\((.*\.test\.js):(\d+):\d+\)$|at (.*\.test\.js):(\d+):\d+$/))
    .find(Boolean);
  if (!frame) return null;
  return `${path.relative(sourceDir, frame[1] || frame[3])}:${frame[2] || frame[4]}`;
};

module.exports = { serialisable, describeRunnable, callSite };
