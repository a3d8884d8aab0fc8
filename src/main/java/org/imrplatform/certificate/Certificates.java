package org.imrplatform.certificate;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.imrplatform.account.SignedInAccount;
import org.imrplatform.completion.CourseCompleted;
import org.imrplatform.course.Course;
import org.imrplatform.evaluation.CourseEvaluations;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues a certificate once a learner has completed a course (told by {@link CourseCompleted}) and submitted its
 * evaluation, and finds certificates by their code for the public verification page.
 */
@Service
class Certificates {

    /** No 0/O, 1/I/L: codes are read off paper and typed in. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The shape of every code issued; anything else (however long or strange) is looked up nowhere. */
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{5}-[" + ALPHABET + "]{5}");

    private final CourseEvaluations evaluations;
    private final JdbcClient jdbc;
    private final Clock clock;

    Certificates(CourseEvaluations evaluations, JdbcClient jdbc, Clock clock) {
        this.evaluations = evaluations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Keeps the completion date the certificate will carry, right after the completion is committed. Through the
     * event publication registry: if this does not finish, the event is delivered again; a second delivery changes
     * nothing.
     */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void claim(CourseCompleted completed) {
        jdbc.sql("""
                        insert into certificate_claim (account_id, course_id, completed_on)
                        select ?, ?, ? where not exists (select 1 from certificate_claim
                            where account_id = ? and course_id = ?)
                        """)
                .params(completed.accountId(), completed.courseId(),
                        completed.completedAt().atOffset(ZoneOffset.UTC).toLocalDate(), completed.accountId(),
                        completed.courseId())
                .update();
    }

    private Optional<LocalDate> completedOn(long accountId, String courseId) {
        return jdbc.sql("select completed_on from certificate_claim where account_id = ? and course_id = ?")
                .params(accountId, courseId).query(LocalDate.class).optional();
    }

    /** What the learner still has to do before a certificate can be issued. */
    enum Standing {
        NOT_COMPLETED, NOT_EVALUATED, ELIGIBLE
    }

    Standing standing(long accountId, String courseId) {
        if (completedOn(accountId, courseId).isEmpty()) {
            return Standing.NOT_COMPLETED;
        }
        return evaluations.isSubmitted(accountId, courseId) ? Standing.ELIGIBLE : Standing.NOT_EVALUATED;
    }

    /** The learner's certificate for the course, issued now if they are eligible and have none yet. */
    Optional<Certificate> issue(SignedInAccount learner, Course course) {
        Optional<Certificate> existing = find(learner.accountId(), course.id());
        if (existing.isPresent() || standing(learner.accountId(), course.id()) != Standing.ELIGIBLE) {
            return existing;
        }
        LocalDate completedOn = completedOn(learner.accountId(), course.id()).orElseThrow();
        try {
            jdbc.sql("""
                            insert into certificate (code, account_id, course_id, learner_name, course_title, hours,
                                                     completed_on, issued_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(newCode(), learner.accountId(), course.id(), learner.fullName(), course.title(),
                            course.hours(), completedOn, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            // issued by a parallel request (or, once in a lifetime, a code collision): use what is stored
        }
        return find(learner.accountId(), course.id());
    }

    Optional<Certificate> find(long accountId, String courseId) {
        return jdbc.sql("select code, learner_name, course_title, hours, completed_on from certificate"
                        + " where account_id = ? and course_id = ?")
                .params(accountId, courseId).query(this::certificate).optional();
    }

    Optional<Certificate> verify(String code) {
        String normalized = code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (normalized.length() == 10 && normalized.indexOf('-') < 0) {
            normalized = normalized.substring(0, 5) + "-" + normalized.substring(5);
        }
        if (!CODE.matcher(normalized).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("select code, learner_name, course_title, hours, completed_on from certificate where code = ?")
                .param(normalized).query(this::certificate).optional();
    }

    private Certificate certificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, Integer.class),
                rs.getObject(5, LocalDate.class));
    }

    private static String newCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
