(function () {
  "use strict";
  var form = document.getElementById("filters");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  var folds = Array.prototype.slice.call(document.querySelectorAll("details.code-group"));
  function apply() {
    var wanted = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=group]"), function (box) {
      wanted[box.value] = box.checked;
    });
    var check = form.elements.check.value;
    var text = form.elements.text.value.trim().toLowerCase();
    var visible = 0;
    findings.forEach(function (el) {
      var show = wanted[el.dataset.group] === true &&
        (check === "" || el.dataset.check === check) &&
        (text === "" || el.textContent.toLowerCase().indexOf(text) !== -1);
      el.hidden = !show;
      if (show) { visible += 1; }
    });
    groups.forEach(function (section) {
      section.hidden = !section.querySelector("article.finding:not([hidden])");
    });
    folds.forEach(function (fold) {
      fold.hidden = !fold.querySelector("article.finding:not([hidden])");
    });
    shown.textContent = "showing " + visible + " of " + findings.length + " findings";
  }
  function reveal() {
    var target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var fold = target && target.closest ? target.closest("details.code-group") : null;
    if (fold) { fold.open = true; }
    if (target && target.classList.contains("finding") && target.hidden) {
      var box = form.querySelector("input[name=group][value=" + target.dataset.group + "]");
      if (box) { box.checked = true; }
      form.elements.check.value = "";
      form.elements.text.value = "";
      apply();
      target.scrollIntoView();
    }
  }
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
  document.body.dataset.ready = "true";
}());
