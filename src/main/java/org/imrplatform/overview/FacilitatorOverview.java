package org.imrplatform.overview;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.imrplatform.certificate.Certificate;
import org.imrplatform.certificate.IssuedCertificates;
import org.imrplatform.completion.Completions;
import org.imrplatform.course.CourseCatalog;
import org.imrplatform.practice.Programs;
import org.springframework.stereotype.Service;

/**
 * What no other system joins, for one facilitator or one program: the facilitators' training in the platform's
 * courses and the fidelity reviews of their work over time. Who may see it is decided by the fidelity module
 * (reviewers and supervisors; a facilitator their own; a program's own facilitators their program).
 */
@Service
class FacilitatorOverview {

    /** A facilitator of a program, with their training. */
    record FacilitatorTraining(long accountId, String name, List<Training> training) {
    }

    private final CourseCatalog catalog;
    private final Completions completions;
    private final IssuedCertificates certificates;
    private final Programs programs;

    FacilitatorOverview(CourseCatalog catalog, Completions completions, IssuedCertificates certificates,
            Programs programs) {
        this.catalog = catalog;
        this.completions = completions;
        this.certificates = certificates;
        this.programs = programs;
    }

    /** Every course of the catalog, with when the person completed it and their certificate, if any. */
    List<Training> training(long accountId) {
        var completed = completions.completed(accountId);
        return catalog.courses().stream().map(course -> new Training(course.title(),
                completed.containsKey(course.id())
                        ? completed.get(course.id()).atOffset(ZoneOffset.UTC).toLocalDate() : null,
                certificates.of(accountId, course.id()).map(Certificate::code).orElse(null))).toList();
    }

    /** Each person who leads a group of the program, once, by name. */
    List<FacilitatorTraining> facilitatorsOf(long programId) {
        Map<Long, String> names = new TreeMap<>();
        programs.facilitators().stream().filter(f -> f.group().programId() == programId)
                .forEach(f -> names.putIfAbsent(f.accountId(), f.fullName()));
        return names.entrySet().stream()
                .map(e -> new FacilitatorTraining(e.getKey(), e.getValue(), training(e.getKey())))
                .sorted(Comparator.comparing(FacilitatorTraining::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
