// Start ReDoc from the container's data attributes (no inline script under our Content-Security-Policy).
// The CSP nonce is handed to ReDoc, which gives it to the <style> elements it creates.
(function () {
  var container = document.getElementById("redoc-container");
  var options = JSON.parse(container.dataset.settings || "{}");
  options.nonce = container.dataset.nonce;
  Redoc.init(container.dataset.schemaUrl, options, container);
})();
