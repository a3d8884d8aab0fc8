// IMR Platform package runtime: the learner's progress in one launch of an exported course (SCORM 1.2 or cmi5).
//
// The launch page keeps this script, and one session with the LMS, for the whole visit; the slides show in its
// frame. Which pages were seen is read from the frame after each page loads; a knowledge check's result comes
// from the check's own page (page.js). The standard's runtime (scorm12.js or cmi5.js) is an adapter with
// start(), save(report) and finish(report); this file decides what is reported, under the course's own rule.
//
// What is kept and reported: the pages seen, each knowledge check's best number of right answers, the page the
// learner is on. Nothing else: reflections are never read (they stay in their page, see page.js).
(function () {
  'use strict';

  var course = window.IMR_COURSE;
  var frame = document.getElementById('package-frame');
  var status = document.getElementById('package-status');
  var exit = document.getElementById('package-exit');
  var seen = {};        // page index -> true
  var best = {};        // knowledge check page -> best number of right answers
  var place = null;     // the page the learner is on
  var adapter = null;
  var ready = false;
  var finished = false;

  // Resume data stays small (SCORM 1.2 allows 4096 characters): the pages seen as a hexadecimal bit set, then
  // the checks' best results by page number, as "s=<hex>;c=<page>:<right>,...".
  function encode() {
    var bits = '';
    for (var i = 0; i < course.pages.length; i += 4) {
      var digit = 0;
      for (var b = 0; b < 4; b++) { if (seen[i + b]) { digit |= 1 << b; } }
      bits += digit.toString(16);
    }
    var checks = Object.keys(best).map(function (page) {
      return course.pages.indexOf(page) + ':' + best[page];
    });
    return 's=' + bits + ';c=' + checks.join(',');
  }

  // Reads what encode() wrote, keeping only what fits this course: resume data is the LMS's, not to be trusted.
  function decode(text) {
    var match = /^s=([0-9a-f]*);c=([0-9:,]*)$/.exec(text || '');
    if (!match) { return; }
    for (var d = 0; d < match[1].length; d++) {
      var digit = parseInt(match[1].charAt(d), 16);
      for (var b = 0; b < 4; b++) {
        if ((digit & (1 << b)) && d * 4 + b < course.pages.length) { seen[d * 4 + b] = true; }
      }
    }
    match[2].split(',').forEach(function (entry) {
      var parts = entry.split(':');
      var page = course.pages[parseInt(parts[0], 10)];
      var right = parseInt(parts[1], 10);
      if (page && course.checks[page] && right >= 0 && right <= course.checks[page].questions) {
        best[page] = Math.max(best[page] || 0, right);
      }
    });
  }

  // Where the learner stands under the course's rule: completed, passed (null when the rule asks no passing),
  // tried (every check tried), failed (every check tried, one below its mark) and the score over all the checks'
  // questions.
  function report() {
    var allSeen = course.pages.every(function (page, i) { return seen[i]; });
    var right = 0, total = 0, allPassed = true, allTried = true;
    Object.keys(course.checks).forEach(function (page) {
      var check = course.checks[page];
      total += check.questions;
      if (best[page] === undefined) {
        allTried = false;
        allPassed = false;
      } else {
        right += best[page];
        if (best[page] * 100 < check.passPercent * check.questions) { allPassed = false; }
      }
    });
    var passed = course.passKnowledgeChecks ? allPassed : null;
    return {
      location: place,
      suspend: encode(),
      completed: (!course.viewAllSlides || allSeen) && (!course.passKnowledgeChecks || allPassed),
      passed: passed,
      tried: allTried,
      failed: course.passKnowledgeChecks && allTried && !allPassed,
      score: total > 0 && Object.keys(best).length > 0
        ? { right: right, total: total, scaled: right / total, raw: Math.round(100 * right / total) } : null
    };
  }

  function say(key) {
    status.textContent = status.getAttribute('data-' + key);
  }

  function showProgress(now) {
    if (now.completed) { say('complete'); } else if (now.failed) { say('failed'); } else { say('recording'); }
  }

  function save() {
    if (!ready || finished || !adapter) { return; }
    var now = report();
    showProgress(now);
    adapter.save(now);
  }

  // The page now in the frame, if it is one of the course's.
  function pageInFrame() {
    try {
      var page = frame.contentDocument && frame.contentDocument.body
        && frame.contentDocument.body.getAttribute('data-page');
      return course.pages.indexOf(page) >= 0 ? page : null;
    } catch (e) {
      return null; // another site's page (a link the learner followed): nothing to record
    }
  }

  function recordPageInFrame() {
    var page = pageInFrame();
    if (!ready || !page) { return; }
    place = page;
    seen[course.pages.indexOf(page)] = true;
    save();
  }

  function finish() {
    if (finished || !ready || !adapter) { return; }
    finished = true;
    adapter.finish(report());
  }

  window.IMR_TRACKER = {
    // Called by the standard's runtime once it has found the LMS (or with null when there is none).
    connect: function (standardAdapter) {
      if (!standardAdapter) {
        say('offline');
        return;
      }
      adapter = standardAdapter;
      adapter.start().then(function (resume) {
        decode(resume && resume.suspend);
        ready = true;
        if (exit) { exit.hidden = false; }
        var where = resume && resume.location;
        if (where && course.pages.indexOf(where) >= 0 && where !== pageInFrame()) {
          frame.src = where; // the load event records it
        } else {
          recordPageInFrame();
        }
      }, function () {
        say('offline');
      });
    },
    // Called by a knowledge check's page with the number of right answers of an attempt.
    checked: function (page, right) {
      if (!course.checks[page] || right < 0 || right > course.checks[page].questions) { return; }
      best[page] = Math.max(best[page] || 0, right);
      save();
    },
    finish: finish
  };

  frame.addEventListener('load', recordPageInFrame);
  if (exit) { exit.addEventListener('click', finish); }
  window.addEventListener('pagehide', finish);
}());
