/*
 * Glossary tooltips.
 *
 * The build wraps the first mention of each glossary term on a page in
 * <a class="mbc-term" href="…glossary…#term" data-term="…" data-definition="…">.
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
 * Definitions are set with textContent, so they are never run as HTML.
 */
(function () {
  "use strict";

  var HIDE_DELAY_MS = 300; // time to move the pointer from the term onto the tooltip
  var MAX_WIDTH = 320; // px, the tooltip's widest
  var MIN_WIDTH = 150; // px, the narrowest it may be made to fit beside a term
  var GAP = 6; // px between the tooltip and the term, and kept clear around other terms
  var EDGE = 8; // px kept free at the window's edges
  var tooltip = null;
  var current = null; // the term whose tooltip is showing
  var hideTimer = null;
  var lastPointerType = "mouse";
  var openBeforeTap = false; // was this term's tooltip already open when the finger came down?
  var mouseAt = null; // where the mouse pointer last was, in window coordinates
  var escapedAt = null; // where it was when Esc hid a tooltip: nothing opens there until it moves
  var bridge = null; // the strip, in page coordinates, the pointer crosses to a tooltip placed away from its term

  function build() {
    tooltip = document.createElement("div");
    tooltip.id = "mbc-tooltip";
    tooltip.className = "mbc-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;
    var title = document.createElement("strong");
    title.className = "mbc-tooltip__term";
    var text = document.createElement("span");
    text.className = "mbc-tooltip__definition";
    var more = document.createElement("a");
    more.className = "mbc-tooltip__more";
    more.textContent = "Open in the glossary";
    tooltip.append(title, " ", text, " ", more);
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
    bridge = null;
  }

  function scheduleHide() {
    cancelHide();
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  }

  function cancelHide() {
    if (hideTimer) window.clearTimeout(hideTimer);
    hideTimer = null;
  }

  /* Where the tooltip goes: the first of these places that fits in the window without covering
     another glossary term: just below the term, just above it, beside it (right, then left),
     then the nearest free band further below or above. So, moving down a list of drugs, the
     pointer reaches the next drug, never this tooltip. When nothing fits, just below the term. */
  function place(term) {
    var box = term.getBoundingClientRect();
    var viewWidth = document.documentElement.clientWidth;
    var others = otherTermRects(term);
    var full = size(Math.min(MAX_WIDTH, viewWidth - 2 * EDGE));
    full.left = Math.max(EDGE, Math.min(box.left, viewWidth - full.width - EDGE));
    var spot = stacked(box, others, full, false) || beside(box, others, 1) || beside(box, others, -1)
      || stacked(box, others, full, true)
      || { left: full.left, top: box.bottom + GAP, width: full.width, height: full.height };
    tooltip.style.maxWidth = spot.width + "px";
    // Coordinates are relative to the tooltip's containing block (the page when none is positioned).
    var parent = tooltip.offsetParent;
    var origin = parent && parent !== document.body ? parent.getBoundingClientRect()
      : { left: -window.scrollX, top: -window.scrollY };
    tooltip.style.left = spot.left - origin.left + "px";
    tooltip.style.top = spot.top - origin.top + "px";
    bridge = spot.bridge ? shift(spot.bridge, window.scrollX, window.scrollY) : null;
  }

  /* Just below or just above the term; with far, also past the terms below or above it, the
     nearest free place first. A far place gets a bridge: the strip the pointer crosses to it. */
  function stacked(box, others, full, far) {
    var tops = [box.bottom + GAP, box.top - GAP - full.height];
    if (far) {
      others.forEach(function (other) {
        if (other.bottom > box.bottom) tops.push(other.bottom + GAP);
        if (other.top < box.top) tops.push(other.top - GAP - full.height);
      });
    }
    var spots = tops.map(function (top) {
      var below = top > box.top;
      return { left: full.left, top: top, width: full.width, height: full.height,
               distance: below ? top - box.bottom : box.top - top - full.height,
               bridge: far ? { left: box.left, right: box.right, top: below ? box.bottom : top + full.height,
                               bottom: below ? top : box.top } : null };
    }).filter(function (rect) { return fits(rect, others); });
    spots.sort(function (a, b) { return a.distance - b.distance; });
    return spots[0] || null;
  }

  /* Beside the term (side 1: right, -1: left), level with its top or its bottom (the nearer), moved
     further out past glossary terms on other lines; null when no such place is free. The strip
     between the term and the tooltip (the bridge) must be free of terms too: the pointer crosses it. */
  function beside(box, others, side) {
    var found = [besideLevel(box, others, side, true), besideLevel(box, others, side, false)].filter(Boolean);
    found.sort(function (a, b) { return (a.bridge.right - a.bridge.left) - (b.bridge.right - b.bridge.left); });
    return found[0] || null;
  }

  function besideLevel(box, others, side, alignTop) {
    var viewWidth = document.documentElement.clientWidth;
    var edge = side > 0 ? box.right + 2 * GAP : box.left - 2 * GAP;
    for (var tries = 0; tries < 10; tries += 1) {
      var room = side > 0 ? viewWidth - EDGE - edge : edge - EDGE;
      if (room < MIN_WIDTH) return null;
      var measured = size(Math.min(MAX_WIDTH, room));
      var x = side > 0 ? edge : edge - measured.width;
      var bridge = { left: side > 0 ? box.right : x + measured.width, right: side > 0 ? x : box.left,
                     top: box.top, bottom: box.bottom };
      var rect = { left: x, top: alignTop ? box.top : box.bottom - measured.height,
                   width: measured.width, height: measured.height, bridge: bridge };
      if (others.some(function (other) { return overlaps(bridge, other); }) || !fits(rect, [])) return null;
      var covered = others.filter(function (other) { return overlaps(rect, other); });
      if (!covered.length) return rect;
      edge = side > 0 ? Math.max.apply(null, covered.map(function (r) { return r.right; })) + GAP
        : Math.min.apply(null, covered.map(function (r) { return r.left; })) - GAP;
    }
    return null;
  }

  function shift(rect, dx, dy) {
    return { left: rect.left + dx, right: rect.right + dx, top: rect.top + dy, bottom: rect.bottom + dy };
  }

  /* The tooltip's size when it may be at most maxWidth wide. */
  function size(maxWidth) {
    tooltip.style.maxWidth = maxWidth + "px";
    tooltip.style.left = "0px";
    return { width: tooltip.offsetWidth, height: tooltip.offsetHeight };
  }

  /* Inside the window and clear of every rectangle in others. */
  function fits(rect, others) {
    var inside = rect.left >= EDGE && rect.top >= EDGE && rect.left + rect.width <= document.documentElement.clientWidth - EDGE
      && rect.top + rect.height <= window.innerHeight - EDGE;
    return inside && !others.some(function (other) { return overlaps(rect, other); });
  }

  /* Whether two boxes come within GAP of each other (a box has right and bottom, or width and height). */
  function overlaps(rect, other) {
    var right = rect.right !== undefined ? rect.right : rect.left + rect.width;
    var bottom = rect.bottom !== undefined ? rect.bottom : rect.top + rect.height;
    return rect.left < other.right + GAP && other.left - GAP < right
      && rect.top < other.bottom + GAP && other.top - GAP < bottom;
  }

  /* The boxes of every other glossary term on screen (one per line a term wraps onto). */
  function otherTermRects(term) {
    var rects = [];
    document.querySelectorAll("a.mbc-term").forEach(function (other) {
      if (other === term) return;
      Array.prototype.forEach.call(other.getClientRects(), function (r) {
        if (r.width && r.height && r.bottom > 0 && r.top < window.innerHeight) rects.push(r);
      });
    });
    return rects;
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

  /* Crossing the bridge from a term to its tooltip beside it keeps the tooltip open. */
  document.addEventListener("mousemove", function (event) {
    mouseAt = { x: event.clientX, y: event.clientY };
    if (!bridge || !current || tooltip.hidden) return;
    var x = event.clientX + window.scrollX;
    var y = event.clientY + window.scrollY;
    if (x >= bridge.left && x <= bridge.right && y >= bridge.top && y <= bridge.bottom) cancelHide();
    else if (!hideTimer && !current.contains(event.target) && !tooltip.contains(event.target)) scheduleHide();
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
