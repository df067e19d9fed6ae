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
 *   - Esc hides it without moving focus; it stays until dismissed or left
 *     (WCAG 2.2 success criterion 1.4.13).
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

  function build() {
    tooltip = document.createElement("div");
    tooltip.id = "mbc-tooltip";
    tooltip.className = "mbc-tooltip";
    tooltip.setAttribute("role", "tooltip");
    tooltip.hidden = true;
    var title = document.createElement("strong");
    title.className = "mbc-tooltip__term";
    var say = document.createElement("span");
    say.className = "mbc-tooltip__say";
    var sayLabel = document.createElement("span");
    sayLabel.textContent = "Say it: ";
    var sayShown = document.createElement("span");
    sayShown.className = "mbc-tooltip__respelling";
    sayShown.setAttribute("aria-hidden", "true");
    var saySpoken = document.createElement("span");
    saySpoken.className = "mbc-visually-hidden";
    say.append(sayLabel, sayShown, saySpoken);
    var text = document.createElement("span");
    text.className = "mbc-tooltip__definition";
    var more = document.createElement("a");
    more.className = "mbc-tooltip__more";
    more.textContent = "Open in the glossary";
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

  /* Below the term, or above it when there is no room; kept inside the window. */
  function place(term) {
    var box = term.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tooltip.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    var top = box.bottom + 6;
    var height = tooltip.offsetHeight;
    if (top + height > window.innerHeight && box.top - height - 6 > 0) top = box.top - height - 6;
    // Coordinates are relative to the tooltip's containing block (the page when none is positioned).
    var parent = tooltip.offsetParent;
    var origin = parent && parent !== document.body ? parent.getBoundingClientRect()
      : { left: -window.scrollX, top: -window.scrollY };
    tooltip.style.left = left - origin.left + "px";
    tooltip.style.top = top - origin.top + "px";
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

  document.addEventListener("mouseover", function (event) {
    var term = termFrom(event.target);
    if (term && lastPointerType === "mouse") show(term);
  });

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
      hide();
      event.stopPropagation();
    }
  }, true);

  window.addEventListener("resize", function () {
    if (current) place(current);
  });
})();
