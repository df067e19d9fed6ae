/*
 * Glossary tooltips.
 *
 * The build wraps the first mention of each glossary term on a page in
 * <a class="mbc-term" href="…glossary…#term" data-term="…" data-definition="…">,
 * with data-say="per-TOO-zoo-mab" and data-say-spoken="per too zoo mab, stress on too"
 * for a drug name.
 * Without JavaScript that is a plain link to the glossary entry. With it, the
 * definition shows in a tooltip:
 *   - on mouse hover, and the pointer can move onto the tooltip;
 *   - on keyboard focus (Tab);
 *   - on a tap on a touch screen (a second tap follows the link);
 *   - Esc hides it without moving focus, and no other opens under the mouse
 *     pointer until it moves; it stays until dismissed or left
 *     (WCAG 2.2 success criterion 1.4.13);
 *   - it never covers another glossary term, so moving down a list of drugs
 *     opens each drug's own tooltip (see place()).
 * The respelling ("Say it: per-TOO-zoo-mab") is shown to the eye and hidden from
 * screen readers, which get its spoken form instead (spelt-out capitals would be
 * nonsense read aloud).
 * Definitions are set with textContent, so they are never run as HTML.
 */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 300; // time to move the pointer from the term onto the tooltip
  var tooltip = null;
  var current = null; // the term whose tooltip is showing
  var hideTimer = null;
  var lastPointerType = "mouse";
  var openBeforeTap = false; // was this term's tooltip already open when the finger came down?
  var mouseAt = null; // where the mouse pointer last was, in window coordinates
  var escapedAt = null; // where it was when Esc hid a tooltip: nothing opens there until it moves

  function build() {
    tooltip = document.createElement("div");
    tooltip.id = "mbc-tooltip";
    tooltip.className = "mbc-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;
    // The tooltip's own words, in the page's language (the build writes them from data/interface.yml).
    var words = {say: "Say it: ", open: "Open in the glossary"};
    var given = document.getElementById("mbc-words");
    try {
      if (given) words = Object.assign(words, JSON.parse(given.textContent));
    } catch (error) { /* keep the English words */ }
    var title = document.createElement("strong");
    title.className = "mbc-tooltip__term";
    var say = document.createElement("span");
    say.className = "mbc-tooltip__say";
    var sayLabel = document.createElement("span");
    sayLabel.textContent = words.say;
    var sayShown = document.createElement("span");
    sayShown.className = "mbc-tooltip__respelling";
    sayShown.setAttribute("aria-hidden", "true");
    var saySpoken = document.createElement("span");
    saySpoken.className = "mbc-visually-hidden";
    saySpoken.lang = "en"; // a respelling is of the English name, in English sounds, on every edition's pages
    say.append(sayLabel, sayShown, saySpoken);
    var text = document.createElement("span");
    text.className = "mbc-tooltip__definition";
    var more = document.createElement("a");
    more.className = "mbc-tooltip__more";
    more.textContent = words.open;
    tooltip.append(title, " ", say, " ", text, " ", more);
    tooltip.addEventListener("mouseenter", cancelHide);
    tooltip.addEventListener("mouseleave", scheduleHide);
    // Inside <main>, so the definition belongs to the page's main landmark.
    (document.querySelector("main") || document.body).appendChild(tooltip);
  }

  function show(term) {
    cancelHide();
    if (!tooltip) build();
    if (current && current !== term) current.removeAttribute("aria-describedby");
    current = term;
    tooltip.querySelector(".mbc-tooltip__term").textContent = term.dataset.term || term.textContent;
    var say = tooltip.querySelector(".mbc-tooltip__say");
    say.hidden = !term.dataset.say;
    say.querySelector(".mbc-tooltip__respelling").textContent = term.dataset.say || "";
    say.querySelector(".mbc-visually-hidden").textContent = (term.dataset.saySpoken || "") + ".";
    tooltip.querySelector(".mbc-tooltip__definition").textContent = term.dataset.definition || "";
    tooltip.querySelector(".mbc-tooltip__more").href = term.href;
    term.setAttribute("aria-describedby", tooltip.id);
    tooltip.hidden = false;
    place(term);
  }

  function hide() {
    cancelHide();
    if (!tooltip || tooltip.hidden) return;
    tooltip.hidden = true;
    if (current) current.removeAttribute("aria-describedby");
    current = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  }

  function cancelHide() {
    if (hideTimer) window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  /* The first place that fits in the window and covers no other glossary term: just below or
     above the term, beside it (right or left, level with its top or bottom), else the nearest
     free band further below or above; failing all, just below. So the pointer moving down a list
     of drugs meets the next drug, not this tooltip. */
  function place(term) {
    var box = term.getBoundingClientRect();
    var view = document.documentElement.clientWidth;
    var others = [];
    document.querySelectorAll("a.mbc-term").forEach(function (other) {
      if (other !== term) others.push.apply(others, other.getClientRects());
    });
    var full = size(Math.min(320, view - 16));
    var left = Math.max(8, Math.min(box.left, view - full.width - 8));
    var spots = [spot(left, box.bottom + 6, full), spot(left, box.top - 6 - full.height, full)];
    [1, -1].forEach(function (side) {
      var room = side > 0 ? view - box.right - 20 : box.left - 20;
      if (room < 150) return;
      var narrow = size(Math.min(320, room));
      var x = side > 0 ? box.right + 12 : box.left - 12 - narrow.width;
      var bridge = { left: side > 0 ? box.right : x + narrow.width, right: side > 0 ? x : box.left,
                     top: box.top, bottom: box.bottom }; // the pointer crosses it to the tooltip
      if (others.some(function (r) { return near(bridge, r); })) return;
      spots.push(spot(x, box.top, narrow, bridge), spot(x, box.bottom - narrow.height, narrow, bridge));
    });
    var far = others.map(function (r) {
      return r.top > box.top ? spot(left, r.bottom + 6, full) : spot(left, r.top - 6 - full.height, full);
    }).sort(function (a, b) { return Math.abs(a.top - box.top) - Math.abs(b.top - box.top); });
    var chosen = spots.concat(far).filter(function (rect) {
      return rect.left >= 8 && rect.top >= 8 && rect.right <= view - 8 && rect.bottom <= window.innerHeight - 8
        && !others.some(function (r) { return near(rect, r); });
    })[0] || spots[0];
    tooltip.style.maxWidth = chosen.right - chosen.left + "px";
    // Coordinates are relative to the tooltip's containing block (the page when none is positioned).
    var parent = tooltip.offsetParent;
    var origin = parent && parent !== document.body ? parent.getBoundingClientRect()
      : { left: -window.scrollX, top: -window.scrollY };
    tooltip.style.left = chosen.left - origin.left + "px";
    tooltip.style.top = chosen.top - origin.top + "px";
    // The bridge is part of the tooltip (its ::before), so crossing it keeps the tooltip open.
    var b = chosen.bridge || { left: chosen.left, right: chosen.left, top: chosen.top, bottom: chosen.top };
    [["--mbc-bridge-x", b.left - chosen.left], ["--mbc-bridge-y", b.top - chosen.top],
     ["--mbc-bridge-w", b.right - b.left], ["--mbc-bridge-h", b.bottom - b.top]].forEach(function (v) {
      tooltip.style.setProperty(v[0], v[1] + "px");
    });
  }

  function size(maxWidth) {
    tooltip.style.maxWidth = maxWidth + "px";
    tooltip.style.left = "0px";
    return { width: tooltip.offsetWidth, height: tooltip.offsetHeight };
  }

  function spot(x, y, measured, bridge) {
    return { left: x, top: y, right: x + measured.width, bottom: y + measured.height, bridge: bridge };
  }

  /* Whether two boxes come within 6 px of each other. */
  function near(a, b) {
    return a.left < b.right + 6 && b.left - 6 < a.right && a.top < b.bottom + 6 && b.top - 6 < a.bottom;
  }

  function termFrom(target) {
    return target instanceof Element ? target.closest("a.mbc-term") : null;
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointerType = event.pointerType || "mouse";
    var term = termFrom(event.target);
    openBeforeTap = Boolean(term && term === current && tooltip && !tooltip.hidden);
    if (tooltip && !tooltip.hidden && !termFrom(event.target) && !tooltip.contains(event.target)) hide();
  }, true);

  /* Hover shows the term's meaning. After Esc, a term that comes under a pointer that has not
     moved (the page scrolled, or the hidden tooltip had been over it) stays closed. */
  document.addEventListener("mouseover", function (event) {
    var here = { x: event.clientX, y: event.clientY };
    var still = escapedAt && here.x === escapedAt.x && here.y === escapedAt.y;
    mouseAt = here;
    if (!still) escapedAt = null;
    var term = termFrom(event.target);
    if (term && lastPointerType === "mouse" && !still) show(term);
  });

  document.addEventListener("mousemove", function (event) {
    mouseAt = { x: event.clientX, y: event.clientY };
  }, { passive: true });

  document.addEventListener("mouseout", function (event) {
    var term = termFrom(event.target);
    if (term && term === current && !term.contains(event.relatedTarget)) scheduleHide();
  });

  document.addEventListener("focusin", function (event) {
    var term = termFrom(event.target);
    if (term) show(term);
    else if (tooltip && !tooltip.contains(event.target)) hide();
  });

  document.addEventListener("focusout", function (event) {
    var term = termFrom(event.target);
    if (term && term === current && !(tooltip && tooltip.contains(event.relatedTarget))) scheduleHide();
  });

  /* On a touch screen the first tap shows the meaning; a second tap follows the link.
     (The tap also focuses the link, which opens the tooltip before this click,
     so the state from the moment the finger came down decides.) */
  document.addEventListener("click", function (event) {
    var term = termFrom(event.target);
    if (!term || lastPointerType !== "touch" && lastPointerType !== "pen") return;
    if (!openBeforeTap) {
      event.preventDefault();
      show(term);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tooltip && !tooltip.hidden) {
      escapedAt = mouseAt;
      hide();
      event.stopPropagation();
    }
  }, true);

  window.addEventListener("resize", function () {
    if (current) place(current);
  });
})();
