package org.imrplatform.relapse;

import java.time.LocalDate;

/**
 * When a participant's plan was first written and last changed (reviewing a plan means saving it with the next
 * review day, so the last change is also the last review), the review day it sets, and how many versions it has.
 */
public record PlanDates(LocalDate firstWrittenOn, LocalDate lastChangedOn, LocalDate reviewOn, int versions) {

    public boolean reviewDue(LocalDate today) {
        return reviewOn.isBefore(today);
    }
}
