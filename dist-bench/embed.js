/* Cyber Claims Explorer — embed helper. Include once on a page that holds chart iframes:
 *   <iframe src="https://…/?embed=timeline" data-claims-explorer title="…" loading="lazy" width="100%"></iframe>
 *   <script src="https://…/embed.js" async></script>
 * Each embedded chart posts {"claims-explorer-height": {"chart": id, "height": px}} to its parent;
 * this script sets the height of the iframe that sent it, after checking the message came from
 * that iframe's own origin. No dependencies, no build step. */
(function () {
  "use strict";
  if (window.__claimsExplorerEmbed) return;
  window.__claimsExplorerEmbed = true;

  function frames() {
    return document.querySelectorAll("iframe[data-claims-explorer], iframe[src*='embed=']");
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    var message = data && typeof data === "object" ? data["claims-explorer-height"] : null;
    if (!message || typeof message.height !== "number" || !isFinite(message.height)) return;
    var list = frames();
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
      frame.style.height = Math.max(0, Math.ceil(message.height)) + "px";
      frame.setAttribute("data-claims-explorer-height", String(Math.ceil(message.height)));
      return;
    }
  });
})();
