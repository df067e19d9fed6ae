#!/usr/bin/env node
/*
 * Run the built site's search under Node, exactly as the browser's worker does:
 * the site's worker (assets/javascripts/workers/search-readers.js) in front of
 * Material's, both loaded unchanged into a worker-like sandbox, fed the site's
 * search index. Used by scripts/bench.py (hit rates) and the tests.
 *
 * usage: node scripts/search_run.js SITE_DIR [--material-only] < queries.json
 *   queries.json: a JSON list of query strings.
 *   prints a JSON list, one entry per query: {query, pages, notes}, where pages are
 *   the result pages' locations, best first, and notes the site's own lines
 *   ("Showing results for ...", "Did you mean ...?").
 *   --material-only runs Material's worker alone on the index without the hidden fields:
 *   the search as it was without this site's changes.
 * exit status: 0 done, 2 bad arguments or no built site.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { pathToFileURL, fileURLToPath } = require("url");

/* The search index a built site holds: search_index.json (served) or search_index.js (offline) */
function readIndex(site) {
  const json = path.join(site, "search", "search_index.json");
  if (fs.existsSync(json)) return JSON.parse(fs.readFileSync(json, "utf8"));
  const script = fs.readFileSync(path.join(site, "search", "search_index.js"), "utf8");
  return JSON.parse(script.slice(script.indexOf("{")));
}

/* The index as Material's search plugin wrote it: without this site's hidden fields and config.readers */
function plainIndex(index) {
  const material = ["title", "text", "tags"];
  const hidden = Object.keys(index.config.fields).filter((field) => !material.includes(field));
  const config = { ...index.config, fields: {} };
  delete config.readers;
  material.filter((field) => field in index.config.fields).forEach((field) => { config.fields[field] = index.config.fields[field]; });
  const docs = index.docs.map((doc) => {
    const copy = { ...doc };
    hidden.forEach((field) => delete copy[field]);
    return copy;
  });
  return { config, docs };
}

/* The worker URL the site's pages name in __config.search (e.g. ".../search-readers.js#search.<hash>.min.js") */
function configuredWorker(site) {
  const html = fs.readFileSync(path.join(site, "index.html"), "utf8");
  const found = /"search":\s*"([^"]+)"/.exec(html);
  if (!found) throw new Error(`${site}/index.html has no __config search entry`);
  return new URL(found[1], pathToFileURL(path.join(site, "index.html"))).href;
}

/* A worker-like sandbox running the script at url; returns send(message) -> Promise of the reply */
function startWorker(url) {
  const listeners = [];
  const replies = [];
  const sandbox = {
    console, URL,
    location: { href: url },
    importScripts: (...urls) => {
      for (const u of urls) vm.runInContext(fs.readFileSync(fileURLToPath(new URL(u, url).href.split("#")[0]), "utf8"), sandbox);
    },
    // a copy, as postMessage makes (structured clone), outside the sandbox's own objects
    postMessage: (message) => { const next = replies.shift(); if (next) next(JSON.parse(JSON.stringify(message))); },
    addEventListener: (type, fn) => { if (type === "message") listeners.push(fn); },
  };
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  sandbox.importScripts(url);
  return (message) => new Promise((resolve) => {
    replies.push(resolve);
    const data = JSON.parse(JSON.stringify(message));
    listeners.forEach((fn) => fn({ data }));
  });
}

/* Run the queries; each result as {query, pages, notes} */
async function run(site, queries, materialOnly) {
  let worker = configuredWorker(site);
  if (materialOnly) worker = new URL(worker.split("#")[1], worker).href;
  const send = startWorker(worker);
  const index = materialOnly ? plainIndex(readIndex(site)) : readIndex(site);
  await send({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
  const out = [];
  for (const query of queries) {
    const reply = await send({ type: 2, data: query });
    const pages = [], notes = [];
    for (const group of reply.data.items) {
      const main = group.find((item) => !item.location.includes("#")) || group[group.length - 1];
      if (main.title.includes("mbc-search-note")) notes.push(main.title.replace(/<[^>]*>/g, ""));
      else pages.push(main.location);
    }
    out.push({ query, pages, notes });
  }
  return out;
}

module.exports = { readIndex, plainIndex, configuredWorker, startWorker, run };

if (require.main === module) {
  const args = process.argv.slice(2);
  const site = args.find((a) => !a.startsWith("--"));
  if (!site || !fs.existsSync(path.join(site, "index.html"))) {
    process.stderr.write("usage: node scripts/search_run.js SITE_DIR [--material-only] < queries.json (build the site first)\n");
    process.exit(2);
  }
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  run(site, queries, args.includes("--material-only")).then((out) => process.stdout.write(JSON.stringify(out) + "\n"));
}
