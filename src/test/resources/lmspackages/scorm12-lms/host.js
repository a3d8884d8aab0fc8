// The test LMS's side: window.API is scorm-again's SCORM 1.2 runtime; a launch resumes from the run-time data of
// the previous one when the test passes it (?cmi=<json>), as an LMS keeps it between launches. The calls the
// package makes are counted for the test.
(function () {
  'use strict';
  var saved = new URLSearchParams(window.location.search).get('cmi');
  window.API = new Scorm12API({ logLevel: 5 });
  if (saved) { window.API.loadFromJSON(JSON.parse(saved)); }
  window.lmsCalls = [];
  ['LMSInitialize', 'LMSCommit', 'LMSFinish'].forEach(function (name) {
    window.API.on(name, function () { window.lmsCalls.push(name); });
  });
  document.getElementById('sco').src = '/package/index.html';
}());
