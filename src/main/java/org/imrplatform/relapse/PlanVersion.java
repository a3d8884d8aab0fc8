package org.imrplatform.relapse;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One saved version of a participant's plan: its number (1 for the first plan), the day and instant it was saved,
 * the account that saved it. Versions are never changed: a change is the next version.
 */
public record PlanVersion(int number, LocalDate savedOn, Instant savedAt, long savedBy, RelapsePlan plan) {
}
