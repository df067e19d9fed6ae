/*
 * The site's search worker: Material's own worker, unchanged, with each query
 * adjusted for the words readers type.
 *
 * overrides/main.html points the page's __config.search here, with the file name
 * of Material's worker after "#" (".../workers/search-readers.js#search.<hash>.min.js").
 * This script loads that worker (only a file so named, beside this one: materialWorker)
 * and stands between it and the page:
 *   - a query (message type 2) is rewritten first (rewrite): common words are
 *     dropped, a short word the index has is matched whole ("out" does not find
 *     "Outlook"), and a word the index lacks is replaced by the nearest indexed
 *     word, glossary names first ("tamoxifan" searches for "tamoxifen");
 *   - a result (type 3) gets a first line saying what was corrected, or, when
 *     nothing matched, the nearest glossary names and the help pages (annotate).
 * The readers' own words (oestrogen, tiredness, chemo...) are hidden fields of the
 * index itself (overrides/mbc_guide/search/search_index.py), and config.readers carries the
 * glossary names, the help pages and the common words.
 * From file://, the iframe-worker shim runs this in an iframe, where importScripts
 * loads scripts one after another, later: messages wait until Material's is ready.
 * Tests: tests/js/search-readers.test.js (node --test).
 */
(function () {
  "use strict";

  var SETUP = 0, QUERY = 2, RESULT = 3;
  var SYNTAX = /["+~^*:]|(^|\s)-/; // a query written in search syntax is passed on as it is
  var MATERIAL_WORKER = /^search\.[0-9a-f]{8}\.min\.js$/; // the only file this script imports
  /* The site's own lines, in the edition's language (config.readers.notes, from data/interface.yml) */
  var NOTES = {
    showing: "Showing results for {words}", none: "No page has \u201c{words}\u201d.",
    maybe: "Did you mean {name}?", pages: "Try these pages:"
  };

  function say(template, key, value) {
    return escape(template).replace("{" + key + "}", escape(value));
  }

  /* How many letters a word of this length may have wrong: none up to 4, 1 up to 7, else 2 */
  function allowed(length) {
    return length >= 8 ? 2 : length >= 5 ? 1 : 0;
  }

  /* Edits (insert, delete, change, swap two neighbours) from a to b; max + 1 when over max */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var before = [], prev = [], row, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var least = i;
      for (j = 1; j <= b.length; j++) {
        var d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
        row[j] = d;
        least = Math.min(least, d);
      }
      if (least > max) return max + 1;
      before = prev;
      prev = row;
    }
    return prev[b.length];
  }

  /* The words of a text as the index sees them: no markup, lower case, edges trimmed */
  function words(text, separator) {
    return String(text).replace(/<[^>]*>/g, " ").toLowerCase().split(separator)
      .map(function (w) { return w.replace(/^\W+|\W+$/g, ""); })
      .filter(Boolean);
  }

  /* What the rewriting needs, from the setup message: every indexed word and the glossary */
  function prepare(data, isStop) {
    var config = data.config, readers = config.readers || {};
    var separator = new RegExp(config.separator || "[\\s\\-]+");
    var vocab = new Map(), fields = Object.keys(config.fields || { title: 1, text: 1 });
    data.docs.forEach(function (doc) {
      fields.forEach(function (field) {
        if (typeof doc[field] !== "string") return;
        words(doc[field], separator).forEach(function (w) {
          var known = vocab.get(w) || { count: 0, glossary: false };
          known.count++;
          vocab.set(w, known);
        });
      });
    });
    var terms = {}; // glossary name -> its entry's location
    (readers.terms || []).forEach(function (entry) {
      entry.slice(1).forEach(function (name) {
        terms[name] = readers.glossary + "#" + entry[0];
        words(name, separator).forEach(function (w) {
          if (vocab.has(w)) vocab.get(w).glossary = true;
        });
      });
    });
    var titles = new Map(data.docs.map(function (doc) { return [doc.location, doc.title]; }));
    return {
      vocab: vocab, separator: separator, terms: terms, titles: titles,
      help: readers.help || [], common: new Set(readers.common || []), isStop: isStop,
      notes: Object.assign({}, NOTES, readers.notes || {})
    };
  }

  /* The indexed word nearest to an unknown word, within the edits its length allows */
  function nearest(word, state) {
    var max = allowed(word.length), best = null, rank = null;
    if (!max) return null;
    state.vocab.forEach(function (known, candidate) {
      var d = distance(word, candidate, max);
      if (d > max) return;
      var mine = [d, known.glossary ? 0 : 1, -known.count];
      if (!rank || before(mine, rank)) {
        best = candidate;
        rank = mine;
      }
    });
    return best;
  }

  /* True when ranking a comes before ranking b (lists of numbers, first difference decides) */
  function before(a, b) {
    for (var k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] < b[k];
    return false;
  }

  /* True when some indexed word starts with this one (the reader may still be typing it) */
  function isPrefix(word, state) {
    for (var candidate of state.vocab.keys()) if (candidate.length > word.length && candidate.startsWith(word)) return true;
    return false;
  }

  /*
   * A reader's query as the index should see it: {query, words, fixed}. `words` are the
   * meaningful words searched for (after corrections), `fixed` the [typed, searched] pairs.
   */
  function rewrite(query, state) {
    var typed = words(query, state.separator);
    if (SYNTAX.test(query) || !typed.length) return { query: query, words: typed, fixed: [] };
    var meaningful = typed.filter(function (w) { return !state.isStop(w) && !state.common.has(w); });
    if (!meaningful.length) return { query: query, words: typed, fixed: [] };
    var out = [], searched = [], fixed = [];
    meaningful.forEach(function (w) {
      var use = w;
      if (!state.vocab.has(w) && !isPrefix(w, state)) {
        use = nearest(w, state) || w;
        if (use !== w) fixed.push([w, use]);
      }
      if (searched.indexOf(use) >= 0) return;
      searched.push(use);
      // a short word the index has is matched whole: "^1" (an unchanged weight) keeps Material from adding "*"
      if (use.length <= 3 && state.vocab.has(use)) out.push(use + "^1");
      // in an edition with a stemmer (Spanish), its stem, which Material matches as the start of a word:
      // "tratamientos" finds "tratamiento", "náuseas" finds "náusea"
      else out.push(state.stem ? state.stem(use) : use);
    });
    return { query: out.join(" "), words: searched, fixed: fixed };
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  /* A result line of the site's own: a group of one item, as Material's result list expects */
  function line(location, html, score) {
    return [{ location: location, title: html, text: "", score: score, terms: {} }];
  }

  /* The glossary names nearest to the words searched for, closest first (at most 3) */
  function closestTerms(searched, state) {
    var ranked = [];
    Object.keys(state.terms).forEach(function (name) {
      var best = Infinity;
      searched.forEach(function (w) {
        if (w.length < 3) return;
        var max = Math.ceil(w.length / 2);
        words(name, state.separator).forEach(function (part) {
          best = Math.min(best, distance(w, part, max) + (part.startsWith(w.slice(0, 2)) ? 0 : 0.5));
        });
        best = best > max ? Infinity : best;
      });
      if (best < Infinity) ranked.push([best, name]);
    });
    ranked.sort(function (a, b) { return a[0] - b[0] || a[1].localeCompare(b[1]); });
    var seen = new Set();
    return ranked.map(function (r) { return r[1]; }).filter(function (name) {
      var location = state.terms[name];
      return !seen.has(location) && seen.add(location);
    }).slice(0, 3);
  }

  /* The result with the site's own lines: what was corrected, or where to look when nothing matched */
  function annotate(result, asked, state) {
    if (!asked || !state || !result.data || !Array.isArray(result.data.items)) return result;
    var items = result.data.items;
    if (items.length && asked.fixed.length) {
      var top = items[0].find(function (item) { return item.location.indexOf("#") < 0; }) || items[0][0];
      items.unshift(line(top.location, '<span class="mbc-search-note">' +
        say(state.notes.showing, "words", asked.words.join(" ")) + "</span>", top.score));
    } else if (!items.length && asked.words.length) {
      var none = say(state.notes.none, "words", asked.words.join(" "));
      var names = closestTerms(asked.words, state);
      items.push(line(names.length ? state.terms[names[0]] : state.help[0] || "", '<span class="mbc-search-note">' + none +
        " " + (names.length ? say(state.notes.maybe, "name", names[0]) : escape(state.notes.pages)) + "</span>", 1));
      names.slice(1).forEach(function (name) {
        items.push(line(state.terms[name], '<span class="mbc-search-note">' + say(state.notes.maybe, "name", name) +
          "</span>", 1));
      });
      state.help.forEach(function (location) {
        if (state.titles.has(location)) items.push(line(location, state.titles.get(location), 1));
      });
    }
    return result;
  }

  /*
   * The address of Material's worker named after "#" in this script's own address: only a file
   * named like Material's (search.<8 hex>.min.js) in this script's folder, never another file or host
   */
  function materialWorker(own) {
    var name = (own.split("#")[1] || "").split("?")[0]; // from file://, the shim adds "?<time>"
    if (!MATERIAL_WORKER.test(name)) throw new Error("search-readers.js: '" + name + "' is not Material's search worker");
    return new URL(name, own.split("#")[0]).href;
  }

  /* In the browser: load Material's worker and stand between it and the page */
  function install() {
    var own = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
    var material = materialWorker(own);
    var post = self.postMessage.bind(self), listen = self.addEventListener.bind(self);
    var handler = null, waiting = [], state = null, asked = [];
    function isStop(w) { return !self.lunr.stopWordFilter(w); }
    self.addEventListener = function (type, fn, options) {
      if (type !== "message" || handler) return listen(type, fn, options);
      handler = fn;
      waiting.splice(0).forEach(function (data) { handler({ data: data }); });
    };
    self.postMessage = function (message) {
      post(message && message.type === RESULT ? annotate(message, asked.shift(), state) : message);
    };
    listen("message", function (event) {
      var message = event.data;
      if (message && message.type === SETUP) {
        state = prepare(message.data, isStop);
        state.language = [].concat(message.data.config.lang || "en")[0];
      }
      if (message && message.type === QUERY) {
        if (state && !state.stem && state.language !== "en" && self.lunr && self.lunr[state.language]) {
          var stemmer = self.lunr[state.language].stemmer; // loaded by Material's worker for the edition's language
          state.stem = function (w) { return stemmer(new self.lunr.Token(w)).toString(); };
        }
        var rewritten = state ? rewrite(String(message.data), state) : null;
        asked.push(rewritten);
        if (rewritten) message = { type: QUERY, data: rewritten.query };
      }
      if (handler) handler({ data: message });
      else waiting.push(message);
    });
    importScripts(material);
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { allowed: allowed, distance: distance, words: words, prepare: prepare, nearest: nearest,
                       rewrite: rewrite, annotate: annotate, closestTerms: closestTerms, escape: escape,
                       materialWorker: materialWorker };
  } else {
    install();
  }
})();
