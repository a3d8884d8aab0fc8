// Small progressive enhancements; every page works without this file.
(function () {
  'use strict';

  // Reflections are private: clear them whenever the learner leaves the page, including when the browser keeps
  // the page in its back/forward cache, so the text is gone when they come back.
  function clearPrivateAnswers() {
    document.querySelectorAll('[data-private-answer]').forEach(function (box) { box.value = ''; });
  }
  window.addEventListener('pagehide', clearPrivateAnswers);
  window.addEventListener('pageshow', clearPrivateAnswers);

  // The transcript's print button only makes sense with script.
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });

  // After a knowledge check is graded or a form is refused, move focus to the result so screen readers read it.
  var result = document.getElementById('check-result') || document.getElementById('error-summary');
  if (result) { result.focus(); }
}());
