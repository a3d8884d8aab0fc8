package org.imrplatform.needs;

import java.time.LocalDate;

/** A needs assessment was stored: areas' ranks as of that day may have changed. */
public record NeedsAssessmentRecorded(LocalDate conductedOn) {
}
