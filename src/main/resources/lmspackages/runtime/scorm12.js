// IMR Platform package runtime, SCORM 1.2 side: finds the LMS's API object, opens one session for the launch,
// resumes from cmi.core.lesson_location and cmi.suspend_data, reports the status under the course's rule and the
// knowledge checks' score, commits after each change and finishes when the learner leaves.
//
// Why not pipwerks' SCORM wrapper: it is on npm only, and the app is built without Node; what it does for
// SCORM 1.2 (the API search and a few calls) is these lines.
(function () {
  'use strict';

  // The API object is on a window above this one (a frame's parent, up the chain) or on the window that opened it.
  function findApi(start) {
    for (var win = start, hops = 0; win && hops < 10; hops++) {
      try {
        if (win.API) { return win.API; }
      } catch (e) {
        return null; // a window of another site: the search ends there
      }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  var started = Date.now();

  function set(element, value) {
    api.LMSSetValue(element, String(value));
  }

  // SCORM 1.2 RTE 3.4.4 cmi.core.lesson_status: "failed" when the learner did not master the SCO. Said when the
  // learner leaves with every check tried and one below its mark (the rule cannot be met in this visit), never
  // during it: they may try the check again. The next launch resumes the attempt and may still report passed.
  function status(report, ending) {
    if (report.completed) { return report.passed === null ? 'completed' : 'passed'; }
    return ending && report.failed ? 'failed' : 'incomplete';
  }

  function write(report, ending) {
    if (report.location) { set('cmi.core.lesson_location', report.location); }
    set('cmi.suspend_data', report.suspend);
    set('cmi.core.lesson_status', status(report, ending));
    if (report.score) {
      set('cmi.core.score.min', 0);
      set('cmi.core.score.max', 100);
      set('cmi.core.score.raw', report.score.raw);
    }
  }

  // CMITimespan, HHHH:MM:SS.
  function timespan(milliseconds) {
    var seconds = Math.floor(milliseconds / 1000);
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return two(Math.floor(seconds / 3600)) + ':' + two(Math.floor(seconds / 60) % 60) + ':' + two(seconds % 60);
  }

  window.IMR_TRACKER.connect(!api ? null : {
    start: function () {
      if (String(api.LMSInitialize('')) !== 'true') { return Promise.reject(new Error('LMSInitialize')); }
      if (api.LMSGetValue('cmi.core.lesson_status') === 'not attempted') {
        set('cmi.core.lesson_status', 'incomplete');
      }
      return Promise.resolve({
        location: api.LMSGetValue('cmi.core.lesson_location'),
        suspend: api.LMSGetValue('cmi.suspend_data')
      });
    },
    save: function (report) {
      write(report, false);
      api.LMSCommit('');
    },
    finish: function (report) {
      write(report, true);
      set('cmi.core.session_time', timespan(Date.now() - started));
      // "suspend" keeps the attempt open so the next launch resumes it; a finished course needs no resume.
      set('cmi.core.exit', report.completed ? '' : 'suspend');
      api.LMSCommit('');
      api.LMSFinish('');
    }
  });
}());
