/* crosscheck report filters. Without this script every finding is shown
   and the filter form stays hidden. No network, no storage. */
(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var form = document.getElementById("filters");
  var source = document.getElementById("filter-source");
  var shown = document.getElementById("filter-shown");
  var kinds = Array.prototype.slice.call(document.querySelectorAll("input[name=kind]"));

  function visible(finding) {
    var kind = finding.getAttribute("data-kind");
    var kindOn = kinds.some(function (box) { return box.checked && box.value === kind; });
    if (!kindOn) { return false; }
    if (source.value === "") { return true; }
    var rows = finding.querySelectorAll("[data-source]");
    for (var i = 0; i < rows.length; i += 1) {
      if (rows[i].getAttribute("data-source") === source.value) { return true; }
    }
    return false;
  }

  function apply() {
    var count = 0;
    findings.forEach(function (finding) {
      var on = visible(finding);
      finding.hidden = !on;
      if (on) { count += 1; }
    });
    shown.textContent = count + " of " + findings.length + " findings shown";
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
  var rendered = findings.filter(function (finding) {
    return finding.getClientRects().length > 0;
  }).length;
  document.body.setAttribute("data-rendered-findings", String(rendered));
}());
