// Progressive enhancement only: every page works without this file.
(function () {
  // Move focus to the error summary so screen readers announce the errors first.
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();
})();
