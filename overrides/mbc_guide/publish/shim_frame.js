// Prints, as JSON, the documents the iframe-worker shim (its file is the first argument) writes into
// its hidden frame to start each worker URL given after it. The shim runs unchanged in a bare context
// whose frame keeps what it is given; overrides/mbc_guide/publish/offline_shim.py hashes the script in each.
"use strict";
const fs = require("node:fs");
const vm = require("node:vm");

const [shim, ...workers] = process.argv.slice(2);
const written = [];
const frame = {contentWindow: {document: {open() {}, write(html) { written.push(html); }, close() {}}}};
const page = {
  location: {protocol: "file:"},
  document: {createElement: () => frame, body: {appendChild() {}}},
  EventTarget, onmessage: null, onerror: null,
};
page.window = page;
vm.runInNewContext(fs.readFileSync(shim, "utf8"), page, {filename: shim});
for (const worker of workers) new page.IFrameWorker(worker);
process.stdout.write(JSON.stringify(written));
