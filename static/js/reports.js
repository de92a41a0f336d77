/* The delårsrapport: a clear "genererar…" state while a PDF is being made (progressive enhancement).
 *
 * Without JavaScript the links and forms work as they are. With it, a click on the PDF link asks for
 * the file with a one-off token; the server answers with the PDF and sets that token as a cookie, so
 * the page knows when the download has started and can say so in a live region.
 */
(function () {
  "use strict";

  var COOKIE = "pdf_download";
  var POLL_MS = 400;
  var SLOW_MS = 20000;
  var GIVE_UP_MS = 180000;

  function readCookie(name) {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === name) { return decodeURIComponent(parts[i].slice(eq + 1)); }
    }
    return null;
  }

  function clearCookie(name) {
    document.cookie = name + "=; Max-Age=0; path=/; SameSite=Lax";
  }

  function newToken() {
    return Date.now().toString(36) + Math.random().toString(36).slice(2, 10);
  }

  function startDownload(link) {
    if (link.getAttribute("aria-busy") === "true") { return; }
    var status = document.getElementById(link.dataset.status);
    var token = newToken();
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("token", token);
    var started = Date.now();
    var slowShown = false;

    link.setAttribute("aria-busy", "true");
    link.setAttribute("aria-disabled", "true");
    if (status) { status.textContent = link.dataset.busyText; }

    var timer = window.setInterval(function () {
      var elapsed = Date.now() - started;
      if (readCookie(COOKIE) === token) {
        window.clearInterval(timer);
        clearCookie(COOKIE);
        link.removeAttribute("aria-busy");
        link.removeAttribute("aria-disabled");
        if (status) { status.textContent = link.dataset.doneText; }
      } else if (elapsed > GIVE_UP_MS) {
        window.clearInterval(timer);
        link.removeAttribute("aria-busy");
        link.removeAttribute("aria-disabled");
      } else if (!slowShown && elapsed > SLOW_MS && status) {
        slowShown = true;
        status.textContent = link.dataset.slowText;
      }
    }, POLL_MS);

    window.location.assign(url.toString());
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.js-pdf-download") : null;
    if (!link || event.defaultPrevented || event.button !== 0 ||
        event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    startDownload(link);
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("js-busy-form")) { return; }
    if (form.getAttribute("aria-busy") === "true") { event.preventDefault(); return; }
    form.setAttribute("aria-busy", "true");
    var status = form.querySelector(".pdf-status");
    if (status) { status.textContent = form.dataset.busyText; }
    var button = form.querySelector("button[type=submit]");
    if (button) { button.setAttribute("aria-disabled", "true"); }
  });
})();
