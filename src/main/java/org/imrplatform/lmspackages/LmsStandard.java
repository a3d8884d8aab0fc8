package org.imrplatform.lmspackages;

/** The packaging standards a course version can be exported in. */
enum LmsStandard {

    /** One SCO for the whole course, tracked through the SCORM 1.2 runtime API the LMS puts in a parent window. */
    SCORM_12("scorm12", "scorm12.js"),
    /** One assignable unit for the whole course, reporting cmi5-defined xAPI statements to the LMS's endpoint. */
    CMI5("cmi5", "cmi5.js");

    /** The last part of the download's address and of its file name. */
    final String slug;
    /** The file in the package's imr/ folder that talks to the LMS. */
    final String runtime;

    LmsStandard(String slug, String runtime) {
        this.slug = slug;
        this.runtime = runtime;
    }
}
