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
  var failedThisSession = false;
  var started = Date.now();
  var queue = Promise.resolve(); // statements leave one after the other, in the order they were made

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
    if (result && result.score && typeof launchData.masteryScore === 'number') {
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

  function send(made, keepalive) {
    queue = queue.then(function () {
      return fetch(endpoint + 'statements', {
        method: 'POST', headers: Object.assign({ 'Content-Type': 'application/json' }, headers),
        body: JSON.stringify(made), keepalive: !!keepalive
      });
    }).catch(function () { /* the LMS keeps the session's end; a lost statement is not retried here */ });
    return queue;
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

  // The passing the course asks for, held also to the LMS's masteryScore when it sets one.
  function passedNow(report) {
    if (report.passed !== true) { return false; }
    return typeof launchData.masteryScore !== 'number'
      || (report.score !== null && report.score.scaled >= launchData.masteryScore);
  }

  function sendProgress(report) {
    if (!normalMode()) { return; }
    var score = report.score ? { scaled: Math.round(report.score.scaled * 10000) / 10000,
      raw: report.score.right, min: 0, max: report.score.total } : undefined;
    if (!reported.passed && passedNow(report)) {
      reported.passed = true;
      send(statement('passed', { score: score, success: true, duration: duration() }, true));
    } else if (!reported.passed && !failedThisSession && (report.failed || (report.passed && !passedNow(report)))) {
      failedThisSession = true;
      send(statement('failed', { score: score, success: false, duration: duration() }, true));
    }
    if (!reported.completed && report.completed) {
      reported.completed = true;
      send(statement('completed', { completion: true, duration: duration() }, true));
    }
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
      sendProgress(report);
      saveState(report);
    },
    finish: function (report) {
      sendProgress(report);
      saveState(report);
      send(statement('terminated', { duration: duration() }), true).then(function () {
        // Back to the LMS when it gave an address to go back to (a web address only, never script).
        if (/^https?:\/\//i.test(launchData.returnURL || '')) { window.location.assign(launchData.returnURL); }
      });
    }
  });
}());
