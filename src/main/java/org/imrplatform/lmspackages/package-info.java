/**
 * Exports a course version as a package other learning management systems import: SCORM 1.2 and cmi5. The pages
 * are static HTML rendered from the course; the tracking runs in the learner's browser (docs/interoperability.md).
 */
package org.imrplatform.lmspackages;
