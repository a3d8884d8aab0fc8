// IMR Platform package runtime, slide side: grades a knowledge check in the page and tells the launch page's
// tracker the result; clears reflections. Every page reads the same without this file.
(function () {
  'use strict';

  var page = document.body.getAttribute('data-page');

  // Reflections are private: nothing reads them, and they are cleared whenever the learner leaves the page
  // (also when the browser keeps it in its back/forward cache), as in the app.
  function clearPrivateAnswers() {
    document.querySelectorAll('[data-private-answer]').forEach(function (box) { box.value = ''; });
  }
  window.addEventListener('pagehide', clearPrivateAnswers);
  window.addEventListener('pageshow', clearPrivateAnswers);

  function tracker() {
    try {
      return window.parent !== window && window.parent.IMR_TRACKER ? window.parent.IMR_TRACKER : null;
    } catch (e) {
      return null; // opened inside another site's frame
    }
  }

  function fill(template, values) {
    return template.replace(/\{(\d)\}/g, function (all, i) { return values[+i]; });
  }

  document.querySelectorAll('.package-needs-script').forEach(function (hint) { hint.hidden = true; });
  // Inside the launch page, whose header already names the course, the page's own header is left out.
  if (tracker()) { document.body.classList.add('package-framed'); }

  var form = document.querySelector('form[data-check]');
  if (!form) { return; }
  var result = document.getElementById('check-result');
  var passPercent = parseInt(form.getAttribute('data-pass-percent'), 10);

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var questions = Array.prototype.slice.call(form.querySelectorAll('[data-question]'));
    var unanswered = questions.filter(function (q) { return !q.querySelector('input:checked'); });
    result.hidden = false;
    result.classList.remove('result--pass', 'result--retry');
    if (unanswered.length > 0) {
      result.querySelector('h2').textContent = fill(result.getAttribute('data-unanswered'),
        [questions.indexOf(unanswered[0]) + 1]);
      result.querySelector('p').textContent = '';
      result.focus();
      return;
    }
    var right = 0;
    questions.forEach(function (q) {
      var allRight = true;
      q.querySelectorAll('input').forEach(function (input) {
        var correct = input.getAttribute('data-correct') === 'true';
        var chosen = input.checked;
        if (correct !== chosen) { allRight = false; }
        var feedback = input.parentNode.querySelector('.feedback');
        var label = feedback.querySelector('strong');
        feedback.hidden = !(chosen || (input.type === 'checkbox' && correct));
        label.textContent = label.getAttribute(correct ? (chosen ? 'data-right' : 'data-missed') : 'data-wrong');
      });
      if (allRight) { right++; }
    });
    var passed = right * 100 >= passPercent * questions.length;
    result.classList.add(passed ? 'result--pass' : 'result--retry');
    result.querySelector('h2').textContent = fill(result.getAttribute('data-score'),
      [right, questions.length, Math.round(100 * right / questions.length)]);
    result.querySelector('p').textContent = result.getAttribute(passed ? 'data-passed' : 'data-retry');
    result.focus();
    var lms = tracker();
    if (lms) { lms.checked(page, right); }
  });
}());
