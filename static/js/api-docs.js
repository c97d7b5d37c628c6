/* Starts Swagger UI (drf-spectacular-sidecar's bundle, served from our static files) on the
   API documentation page with the schema named by the page, so the page needs no inline
   script. Only GET is offered to try: the API answers nothing else. */
(function () {
  "use strict";

  var root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.getAttribute("data-schema-url"),
    domNode: root,
    deepLinking: true,
    supportedSubmitMethods: ["get"],
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
})();
