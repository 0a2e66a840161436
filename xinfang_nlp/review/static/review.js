// Keyboard shortcuts for the review page. Alt/Ctrl combinations only, so typing Chinese
// (an input method composing text) never triggers them.
(function () {
  "use strict";
  function click(id) { var el = document.getElementById(id); if (el) { el.click(); return true; } return false; }
  document.addEventListener("keydown", function (e) {
    if (e.isComposing || e.keyCode === 229) { return; }
    if (e.key === "Enter" && (e.altKey || e.ctrlKey || e.metaKey)) {
      if (click("confirm")) { e.preventDefault(); }
      return;
    }
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      if (e.code === "KeyS") { if (click("skip")) { e.preventDefault(); } }
      else if (e.code === "KeyB") { if (click("back")) { e.preventDefault(); } }
      else if (e.code === "KeyO") {
        var first = document.querySelector("#queue a.open");
        if (first) { e.preventDefault(); first.click(); }
      }
    }
  });
  // the confirm button is focused on load so Enter alone does not submit by accident,
  // but a correct suggestion is one click (or Alt+Enter) away
  var form = document.getElementById("record-form");
  if (form) {
    form.addEventListener("submit", function () {
      var b = form.querySelectorAll("button[type=submit]");
      setTimeout(function () { for (var i = 0; i < b.length; i++) { b[i].disabled = true; } }, 0);
    });
  }
})();
