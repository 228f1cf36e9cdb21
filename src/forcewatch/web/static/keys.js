// forcewatch keyboard shortcuts: j/k move through list rows, Enter opens, c confirms,
// r focuses the reject reason, e the first field editor, g opens the queue, ? shows help.
(function () {
  "use strict";
  var index = -1;
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.row")); }
  function focusRow(i) {
    var all = rows();
    if (!all.length) { return; }
    index = Math.max(0, Math.min(i, all.length - 1));
    all.forEach(function (r) { r.classList.remove("focus"); });
    all[index].classList.add("focus");
    all[index].scrollIntoView({ block: "nearest" });
  }
  document.addEventListener("keydown", function (ev) {
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "select" || tag === "textarea" || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var el;
    switch (ev.key) {
      case "j": focusRow(index + 1); break;
      case "k": focusRow(index - 1); break;
      case "Enter":
        if (index >= 0 && rows()[index]) { window.location = rows()[index].getAttribute("data-href"); }
        return;
      case "c": el = document.getElementById("confirm"); if (el) { el.click(); } break;
      case "r": el = document.getElementById("reject-reason"); if (el) { el.focus(); } break;
      case "e": el = document.querySelector("form.edit input[name=value], form.edit select"); if (el) { el.focus(); } break;
      case "g": if (document.querySelector("a[href='/review']")) { window.location = "/review"; } break;
      case "?": el = document.getElementById("keys-help"); if (el) { el.hidden = !el.hidden; } break;
      default: return;
    }
    ev.preventDefault();
  });
})();
