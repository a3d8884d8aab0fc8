// IMR Platform package runtime, cmi5 side: reads the launch parameters the LMS put in this page's address,
// exchanges the one-time fetch URL for the session's token, reads LMS.LaunchData, and sends the cmi5-defined
// statements (initialized, passed or failed with the score, completed, terminated) with the context the LMS
// asked for. Resume data is kept in the xAPI State API under this package's own state id.
//
// Why not @xapi/cmi5: it is on npm only (with its own dependencies), and the app is built without Node; the part
// of cmi5 an AU needs is these lines, against cmi5's "Runtime Communication" rules.
(function () {
  'use strict';

  var CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
  var MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
  var MASTERY = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
  var RESUME_STATE = 'https://imrplatform.org/xapi/cmi5/state/resume';
  var VERBS = 'http://adlnet.gov/expapi/verbs/';

  var query = new URLSearchParams(window.location.search);
  var endpoint = query.get('endpoint');
  var fetchUrl = query.get('fetch');
  var registration = query.get('registration');
  var activityId = query.get('activityId');
  var actor = null;
  try { actor = JSON.parse(query.get('actor')); } catch (e) { actor = null; }

  if (!endpoint || !fetchUrl || !registration || !activityId || !actor) {
    window.IMR_TRACKER.connect(null); // not launched by a cmi5 LMS: the course reads, nothing is recorded
    return;
  }
  if (endpoint.charAt(endpoint.length - 1) !== '/') { endpoint += '/'; }

  var headers = null;
  var launchData = {};
  var reported = { passed: false, completed: false }; // kept in the state: each is sent once per registration
  var started = Date.now();
  var waiting = [];     // statements made but not yet handed to the browser, oldest first
  var sending = null;   // the POST under way, if any: statements leave in the order they were made

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
      + hex.slice(20);
  }

  function stateUrl(stateId) {
    return endpoint + 'activities/state?' + new URLSearchParams({
      stateId: stateId, activityId: activityId, agent: JSON.stringify(actor), registration: registration
    });
  }

  function duration() {
    return 'PT' + ((Date.now() - started) / 1000).toFixed(2) + 'S';
  }

  function normalMode() {
    return !launchData.launchMode || launchData.launchMode === 'Normal';
  }

  // A statement with the context cmi5 asks for: the LaunchData's contextTemplate, the registration and the cmi5
  // category (and the moveOn category for the statements that count towards moving on).
  function statement(verb, result, moveOn) {
    var context = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
    context.registration = registration;
    context.contextActivities = context.contextActivities || {};
    var categories = (context.contextActivities.category || []).concat([{ id: CMI5 }]);
    if (moveOn) { categories.push({ id: MOVE_ON }); }
    context.contextActivities.category = categories;
    if (result && result.score && hasMastery()) {
      context.extensions = context.extensions || {};
      context.extensions[MASTERY] = launchData.masteryScore;
    }
    var made = {
      id: uuid(), actor: actor, verb: { id: VERBS + verb, display: { 'en-US': verb } },
      object: { id: activityId, objectType: 'Activity' }, context: context, timestamp: new Date().toISOString()
    };
    if (result) { made.result = result; }
    return made;
  }

  function post(batch, keepalive) {
    return fetch(endpoint + 'statements', {
      method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
      body: JSON.stringify(batch), keepalive: keepalive
    }).catch(function () { /* the LMS keeps the session's end; a lost statement is not retried here */ });
  }

  // During the visit: the statements waiting leave together, one POST after the other.
  function flush() {
    if (sending || waiting.length === 0) { return; }
    sending = post(waiting.splice(0), false).then(function () {
      sending = null;
      flush();
    });
  }

  function send(made) {
    waiting.push(made);
    flush();
  }

  // At the end of the visit (often the tab closing): everything not yet sent leaves at once, in one POST the
  // browser completes after the page is gone (keepalive), never behind a chain of callbacks that would not run.
  function sendLast(last) {
    return post(waiting.splice(0).concat(last), true);
  }

  function saveState(report) {
    return fetch(stateUrl(RESUME_STATE), {
      method: 'PUT', headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
      body: JSON.stringify({ location: report.location, suspend: report.suspend, reported: reported }),
      keepalive: true
    }).catch(function () { /* kept again at the next change */ });
  }

  function getJson(url, options) {
    return fetch(url, options).then(function (response) {
      if (response.status === 404) { return null; }
      if (!response.ok) { throw new Error(url + ': ' + response.status); }
      return response.json();
    });
  }

  // cmi5 9.3.4/9.3.5/10.2.4: when the LMS gives a masteryScore, passed and failed are decided by the score
  // against it (a passed score at or above it, a failed one below); without one, by the course's own rule (every
  // knowledge check at its own mark). The package's cmi5.xml sets none: the rule is per check, no single mark.
  function hasMastery() {
    return typeof launchData.masteryScore === 'number';
  }

  function passedNow(report) {
    if (report.passed === null) { return false; }
    if (!hasMastery()) { return report.passed === true; }
    return report.score !== null && report.score.scaled >= launchData.masteryScore;
  }

  function failedNow(report) {
    if (report.passed === null || passedNow(report)) { return false; }
    if (!hasMastery()) { return report.failed; }
    return report.tried && report.score !== null && report.score.scaled < launchData.masteryScore;
  }

  function result(report, success) {
    var made = { success: success, duration: duration() };
    if (report.score) {
      made.score = { scaled: Math.round(report.score.scaled * 10000) / 10000, raw: report.score.right, min: 0,
        max: report.score.total };
    }
    return made;
  }

  // The statements the learner's progress calls for now. passed is sent once per registration, as soon as it is
  // earned; failed only when the session ends without it (the learner may try again before leaving), so a
  // session has at most one of them and a failed never follows a passed (cmi5 9.3 "Verb Ordering Rules").
  function progress(report, ending) {
    var made = [];
    if (!normalMode()) { return made; }
    if (!reported.passed && passedNow(report)) {
      reported.passed = true;
      made.push(statement('passed', result(report, true), true));
    } else if (ending && !reported.passed && failedNow(report)) {
      made.push(statement('failed', result(report, false), true));
    }
    if (!reported.completed && report.completed) {
      reported.completed = true;
      made.push(statement('completed', { completion: true, duration: duration() }, true));
    }
    return made;
  }

  window.IMR_TRACKER.connect({
    start: function () {
      return getJson(fetchUrl, { method: 'POST' }).then(function (answer) {
        if (!answer || !answer['auth-token']) { throw new Error('no auth-token'); }
        headers = { Authorization: 'Basic ' + answer['auth-token'], 'X-Experience-API-Version': '1.0.3' };
        return getJson(stateUrl('LMS.LaunchData'), { headers: headers });
      }).then(function (data) {
        launchData = data || {};
        return getJson(stateUrl(RESUME_STATE), { headers: headers });
      }).then(function (resume) {
        resume = resume || {};
        if (resume.reported) {
          reported.passed = resume.reported.passed === true;
          reported.completed = resume.reported.completed === true;
        }
        send(statement('initialized'));
        return { location: resume.location, suspend: resume.suspend };
      });
    },
    save: function (report) {
      progress(report, false).forEach(send);
      saveState(report);
    },
    finish: function (report) {
      var last = progress(report, true);
      saveState(report);
      last.push(statement('terminated', { duration: duration() }));
      sendLast(last).then(function () {
        // Back to the LMS when it gave an address to go back to (a web address only, never script).
        if (/^https?:\/\//i.test(launchData.returnURL || '')) { window.location.assign(launchData.returnURL); }
      });
    }
  });
}());
