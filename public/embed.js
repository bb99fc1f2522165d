/* Cyber Claims Explorer — embed helper. Include once on a page that holds chart iframes:
 *   <iframe src="https://…/?embed=timeline" data-claims-explorer title="…" loading="lazy" width="100%"></iframe>
 *   <script src="https://…/embed.js" async></script>
 * Each embedded chart posts {"claims-explorer-height": {"chart": id, "height": px}} to its parent.
 * A chart that finished loading before this script ran has posted to no one, so on start the
 * script asks every marked iframe, at the origin of its src, to post again
 * ({"claims-explorer-ask-height": true}).
 * This script sets the height of the iframe that sent it, and of no other element: only an
 * iframe marked data-claims-explorer, only when the message comes from that iframe's own
 * window at the origin of its src, and never beyond MAX_HEIGHT, so that no frame on the host
 * page can resize another or push the article off the screen (SECURITY.md).
 * No dependencies, no build step. */
(function () {
  "use strict";
  if (window.__claimsExplorerEmbed) return;
  window.__claimsExplorerEmbed = true;

  // Taller than any chart with its summary and credit line on a narrow phone.
  var MAX_HEIGHT = 3000;

  window.addEventListener("message", function (event) {
    var data = event.data;
    var message = data && typeof data === "object" ? data["claims-explorer-height"] : null;
    if (!message || typeof message.height !== "number" || !isFinite(message.height)) return;
    var list = document.querySelectorAll("iframe[data-claims-explorer]");
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.getAttribute("src"), window.location.href).origin;
      } catch (e) {
        return;
      }
      if (origin !== event.origin) return;
      var height = Math.min(MAX_HEIGHT, Math.max(0, Math.ceil(message.height)));
      frame.style.height = height + "px";
      frame.setAttribute("data-claims-explorer-height", String(height));
      return;
    }
  });

  function ask(frame) {
    var origin;
    try {
      origin = new URL(frame.getAttribute("src"), window.location.href).origin;
    } catch (e) {
      return;
    }
    if (!frame.contentWindow || origin === "null") return;
    // Sent only to a document at the origin of src; a frame still loading answers by itself.
    frame.contentWindow.postMessage({ "claims-explorer-ask-height": true }, origin);
  }
  var marked = document.querySelectorAll("iframe[data-claims-explorer]");
  for (var i = 0; i < marked.length; i++) ask(marked[i]);
})();
