package org.imrplatform.lti;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.imrplatform.account.LinkedAccounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which learner account a person of a learning system uses here, by the platform's issuer and their subject there
 * (never by an email address, which the platform may not have checked). A first launch makes a new account.
 */
@Repository
class Links {

    record Link(long id, long accountId) {
    }

    private final JdbcClient jdbc;
    private final LinkedAccounts accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Links(JdbcClient jdbc, LinkedAccounts accounts, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The person's link, made with a new learner account on their first launch. Two first launches at the same
     * moment make one link: the second's account and link are rolled back together and it finds the first's.
     */
    Link of(String issuer, String subject, String name) {
        return find(issuer, subject).orElseGet(() -> {
            try {
                return transactions.execute(status -> {
                    long accountId = accounts.createLearner(name);
                    jdbc.sql("insert into lti_link (issuer, subject, account_id, created_at) values (?, ?, ?, ?)")
                            .params(issuer, subject, accountId, OffsetDateTime.now(clock)).update();
                    return find(issuer, subject).orElseThrow();
                });
            } catch (DuplicateKeyException madeAtTheSameMoment) {
                return find(issuer, subject).orElseThrow();
            }
        });
    }

    Optional<Link> find(String issuer, String subject) {
        return jdbc.sql("select id, account_id from lti_link where issuer = ? and subject = ?")
                .params(issuer, subject).query((rs, row) -> new Link(rs.getLong("id"), rs.getLong("account_id")))
                .optional();
    }
}
