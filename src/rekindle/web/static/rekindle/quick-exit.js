/* Quick exit: leave Rekindle at once for a neutral site.
 *
 * The "Leave quickly" link at the top of every page already goes to the neutral site without
 * this script. With it, leaving *replaces* the current page in the tab's history
 * (location.replace), so the Back button does not bring that page back, the page is blanked
 * while the other site loads, and pressing Escape twice within a second does the same.
 *
 * Escape twice, not once: people press Escape to close a pop-up, a date picker or a browser
 * suggestion list, and one press should not throw away a half-written check-in. An Escape that
 * closes an open dialog, that something on the page has already used, or that ends the typing
 * of an accented or Asian character (an input-method composition) is left to do that and is
 * not counted. Documented in docs/safety.md, "Quick exit".
 */
(function () {
  "use strict";

  var WITHIN_MS = 1000;
  var link = document.getElementById("quick-exit");
  if (!link) {
    return;
  }
  var target = link.href;
  var lastEscape = 0;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("quick-exit-leaving");
    window.location.replace(target);
  }

  function isEscape(event) {
    return event.key === "Escape" || event.key === "Esc";
  }

  link.addEventListener("click", function (event) {
    // A click with a modifier (a new tab, a new window) is the person's own choice.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    leave(event);
  });

  document.addEventListener("keydown", function (event) {
    if (!isEscape(event)) {
      return;
    }
    if (event.isComposing || event.defaultPrevented || document.querySelector("dialog[open]")) {
      lastEscape = 0;
      return;
    }
    var now = Date.now();
    if (lastEscape && now - lastEscape <= WITHIN_MS) {
      leave(event);
    } else {
      lastEscape = now;
    }
  });

  document.documentElement.classList.add("quick-exit-keys-on");
})();
