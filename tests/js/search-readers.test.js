/*
 * Unit tests of the site's search worker (docs/assets/javascripts/workers/search-readers.js),
 * run with `node --test tests/js/` (tests/test_search_worker_js.py runs them in `make test`).
 * The last tests load Material's real worker behind it; MATERIAL_WORKER names that file
 * (the pytest wrapper sets it from the installed theme).
 */
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { pathToFileURL } = require("url");

const ROOT = path.resolve(__dirname, "..", "..");
const WRAPPER = path.join(ROOT, "docs", "assets", "javascripts", "workers", "search-readers.js");
const readers = require(WRAPPER);
const { startWorker } = require(path.join(ROOT, "scripts", "search_run.js"));

const STOP = new Set(["is", "it", "can", "i", "a", "what", "if", "the", "of"]);

/* A small search index shaped like the site's: Material's fields plus the hidden ones and config.readers */
function siteIndex() {
  return {
    config: {
      lang: ["en"], separator: "[\\s\\-]+", pipeline: ["stopWordFilter", "trimmer"],
      fields: { title: { boost: 1000 }, text: { boost: 1 }, tags: { boost: 1e6 }, title_words: { boost: 1000 } },
      readers: {
        glossary: "glossary/", help: ["glossary/", "effects/"], common: ["happens"],
        terms: [["tamoxifen", "tamoxifen"], ["pertuzumab", "pertuzumab"]],
      },
    },
    docs: [
      { location: "hormone/", title: "Hormone therapy", text: "<p>The drug tamoxifen. Bring a friend.</p>" },
      { location: "targeted/", title: "Targeted therapy", text: "<p>Pertuzumab and pertuzumax.</p>" },
      { location: "living/", title: "Your outlook", text: "<p>Can it be cured? Hair and more.</p>",
        title_words: "prognosis" },
      { location: "effects/", title: "Side effects A to Z", text: "<p>Hair loss. Feeling sick.</p>",
        title_words: "coming out being" },
      { location: "glossary/", title: "Glossary", text: "<p>Every word.</p>" },
      { location: "glossary/#tamoxifen", title: "Tamoxifen", text: "<p>A hormone therapy drug.</p>" },
      { location: "glossary/#pertuzumab", title: "Pertuzumab", text: "<p>A targeted drug.</p>" },
    ],
  };
}

function state() {
  return readers.prepare(siteIndex(), (w) => STOP.has(w));
}

test("the letters a word may have wrong depend on its length", () => {
  assert.deepEqual([3, 4, 5, 7, 8, 12].map(readers.allowed), [0, 0, 1, 1, 2, 2]);
});

test("distance counts a swap of two neighbours as one edit and stops past the limit", () => {
  assert.equal(readers.distance("tamoxifen", "tamoixfen", 2), 1);
  assert.equal(readers.distance("being", "bring", 1), 1);
  assert.equal(readers.distance("pertuzamab", "pertuzumab", 2), 1);
  assert.equal(readers.distance("ab", "xyz", 1), 2); // over the limit: limit + 1
});

test("words are split on spaces and hyphens, lower-cased, without markup or edge punctuation", () => {
  assert.deepEqual(readers.words("<p>PD-L1 (chemo), Stage IV?</p>", /[\s\-]+/), ["pd", "l1", "chemo", "stage", "iv"]);
});

test("question words and common words are dropped when meaningful words remain", () => {
  assert.equal(readers.rewrite("is it curable", state()).query, "curable");
  assert.equal(readers.rewrite("what happens if i stop", state()).query, "stop");
});

test("a query of stop words only is passed on as typed", () => {
  assert.equal(readers.rewrite("what is it", state()).query, "what is it");
});

test("a short word the index has is matched whole; longer ones keep Material's prefix match", () => {
  const out = readers.rewrite("hair coming out", state()).query;
  assert.equal(out, "hair coming out^1");
});

test("a word the index lacks becomes the nearest indexed word, glossary names first", () => {
  const asked = readers.rewrite("pertuzamab", state());
  assert.equal(asked.query, "pertuzumab"); // pertuzumax is as near, but not a glossary name
  assert.deepEqual(asked.fixed, [["pertuzamab", "pertuzumab"]]);
  assert.deepEqual(asked.words, ["pertuzumab"]);
});

test("indexed words, words being typed and short words are never corrected", () => {
  assert.deepEqual(readers.rewrite("being", state()).fixed, []); // "being" is indexed: never "bring"
  assert.equal(readers.rewrite("tamox", state()).query, "tamox"); // the start of "tamoxifen"
  assert.deepEqual(readers.rewrite("hiar", state()).fixed, []); // 4 letters: no correction
  assert.deepEqual(readers.rewrite("zzzzzzzz", state()).fixed, []); // nothing near
});

test("a query written in search syntax is passed on unchanged", () => {
  for (const query of ["tamoxifan~1", "+hair -loss", "title:hair", '"hair loss"']) {
    assert.equal(readers.rewrite(query, state()).query, query);
  }
});

test("a corrected query gets a first line saying what was searched for", () => {
  const s = state();
  const asked = readers.rewrite("tamoxifan", s);
  const result = { type: 3, data: { items: [[{ location: "hormone/", title: "Hormone therapy", text: "", score: 9, terms: {} }]] } };
  const items = readers.annotate(result, asked, s).data.items;
  assert.equal(items.length, 2);
  assert.equal(items[0][0].title, '<span class="mbc-search-note">Showing results for tamoxifen</span>');
  assert.equal(items[0][0].location, "hormone/"); // Enter still opens the best result
});

test("when nothing matches, the nearest glossary names and the help pages are offered", () => {
  const s = state();
  const asked = readers.rewrite("pertuzzzumabb", s);
  const items = readers.annotate({ type: 3, data: { items: [] } }, asked, s).data.items;
  assert.deepEqual(items.map((group) => group[0].location), ["glossary/#pertuzumab", "glossary/", "effects/"]);
  assert.match(items[0][0].title, /No page has .pertuzzzumabb.\. Did you mean pertuzumab\?/);
  assert.deepEqual(items.slice(1).map((group) => group[0].title), ["Glossary", "Side effects A to Z"]);
});

test("what a reader typed is escaped before it is shown", () => {
  const s = state();
  const asked = readers.rewrite("zzz<script&x", s);
  const items = readers.annotate({ type: 3, data: { items: [] } }, asked, s).data.items;
  assert.ok(!items[0][0].title.includes("<script"), items[0][0].title);
  assert.match(items[0][0].title, /zzz&#60;script&#38;x/);
});

test("the site's worker imports only Material's worker, from its own folder", () => {
  const own = "https://mbc.example/guide/assets/javascripts/workers/search-readers.js";
  assert.equal(readers.materialWorker(own + "#search.a7633da7.min.js"),
               "https://mbc.example/guide/assets/javascripts/workers/search.a7633da7.min.js");
  // From file://, the iframe-worker shim adds "?<time>" after the name: the query is never imported.
  assert.equal(readers.materialWorker(own + "#search.a7633da7.min.js?1796243539380"),
               "https://mbc.example/guide/assets/javascripts/workers/search.a7633da7.min.js");
  for (const name of ["https://evil.example/x.js", "//evil.example/search.a7633da7.min.js", "/\\evil.example/x.js",
                      "../search.a7633da7.min.js", "search.a7633da7.min.js/../../app.js", "data:text/javascript,1",
                      "javascript:1", "app.js", "search.A7633DA7.min.js", "x.js?search.a7633da7.min.js", "search.1.min.js",
                      " search.a7633da7.min.js", "search.a7633da7.min.js\n", ""]) {
    assert.throws(() => readers.materialWorker(own + "#" + name), /not Material's search worker/, name);
  }
  assert.throws(() => readers.materialWorker(own), /not Material's search worker/);
});

/* --- With Material's own worker ---------------------------------------------------------- */

const MATERIAL = process.env.MATERIAL_WORKER;
const withMaterial = { skip: MATERIAL ? false : "MATERIAL_WORKER is not set (pytest sets it from the installed theme)" };

/* The two workers side by side in a folder, as in the built site; returns send() for the site's worker */
function siteWorker(materialOnly) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "search-readers-"));
  fs.copyFileSync(MATERIAL, path.join(dir, path.basename(MATERIAL)));
  fs.copyFileSync(WRAPPER, path.join(dir, "search-readers.js"));
  const wrapper = pathToFileURL(path.join(dir, "search-readers.js")).href + "#" + path.basename(MATERIAL);
  return startWorker(materialOnly ? pathToFileURL(path.join(dir, path.basename(MATERIAL))).href : wrapper);
}

test("Material's worker answers setup with type 1 and a query with type 3 and grouped items", withMaterial, async () => {
  const send = siteWorker(true);
  assert.deepEqual(await send({ type: 0, data: { config: siteIndex().config, docs: siteIndex().docs, options: {} } }),
                   { type: 1 });
  const reply = await send({ type: 2, data: "tamoxifen" });
  assert.equal(reply.type, 3);
  const item = reply.data.items[0][0];
  for (const key of ["location", "title", "text", "score", "terms"]) assert.ok(key in item, `result item has no ${key}`);
  // Material adds "*" to every word, so "out" finds "outlook": the reason the site's worker matches short words whole
  const out = await send({ type: 2, data: "out" });
  assert.ok(out.data.items.some((group) => group.some((i) => i.location === "living/")));
});

test("behind the site's worker, Material's finds corrected words and readers' hidden words", withMaterial, async () => {
  const send = siteWorker(false);
  await send({ type: 0, data: { config: siteIndex().config, docs: siteIndex().docs, options: {} } });
  const fixed = await send({ type: 2, data: "tamoxifan" });
  assert.match(fixed.data.items[0][0].title, /Showing results for tamoxifen/);
  assert.ok(fixed.data.items.slice(1).some((group) => group.some((i) => i.location === "hormone/")));
  const hidden = await send({ type: 2, data: "prognosis" });
  assert.equal(hidden.data.items[0][0].location, "living/");
  const out = await send({ type: 2, data: "hair coming out" });
  assert.equal(out.data.items[0].find((i) => !i.location.includes("#")).location, "effects/");
  assert.ok(!out.data.items.some((group) => group.some((i) => i.location === "living/" && i.terms.out)));
});
