// Format CSL-JSON items (a JSON list on stdin) as a bibliography with citeproc-js, the CSL
// processor of Zotero and most reference managers; prints a JSON list of plain-text entries.
// Usage: node citeproc_js.cjs STYLE_FILE LOCALES_FOLDER
'use strict';
const fs = require('fs');
const CSL = require('citeproc');

const [styleFile, localesFolder] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(0, 'utf8'));
const byId = new Map(items.map((item) => [item.id, item]));
const engine = new CSL.Engine(
  {
    retrieveLocale: (lang) => fs.readFileSync(`${localesFolder}/locales-${lang}.xml`, 'utf8'),
    retrieveItem: (id) => byId.get(id),
  },
  fs.readFileSync(styleFile, 'utf8'),
  'en-US',
);
engine.setOutputFormat('text');
engine.updateItems(items.map((item) => item.id));
const [, entries] = engine.makeBibliography();
process.stdout.write(JSON.stringify(entries.map((entry) => entry.trim())));
