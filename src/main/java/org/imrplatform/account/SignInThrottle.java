package org.imrplatform.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Slows password guessing without handing strangers a lock on someone else's account. Every attempt is counted as a
 * failure before its password is checked, under a row lock, so a burst of parallel attempts gets no more guesses
 * than a sequence; a success takes its count back. Past each rule's free failures, attempts must wait a delay that
 * doubles with each further failure, up to a ceiling. Four rules apply at once: an account from one client address
 * (what its owner mostly meets), an account from anywhere (guessing spread over many addresses), one client address
 * (password spraying over many accounts) and everyone together (a global ceiling). Counts start afresh when a
 * rule's window has passed, so a busy site's stray typos never add up to a wait. A browser that has signed in to
 * the account before (it shows the token {@link #rememberDevice} gave it) is counted on its own, under the first rule
 * only: strangers guessing from anywhere else cannot make the owner's own browser wait. A password reset clears the
 * account's rules and forgets its browsers, so the owner always has a way in. Counts live in the database, so every
 * node sees them.
 */
@Component
class SignInThrottle {

    /** How many failures pass freely in one window, the first delay after them, its ceiling, the window's length. */
    record Rule(String name, int freeFailures, Duration firstDelay, Duration maxDelay, Duration window) {

        Duration delayAfter(int failures) {
            int doublings = Math.min(failures - freeFailures, 20);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    static final Rule ACCOUNT_FROM_CLIENT = new Rule("account-client", 5, Duration.ofSeconds(30),
            Duration.ofMinutes(15), Duration.ofHours(24));
    static final Rule ACCOUNT = new Rule("account", 20, Duration.ofMinutes(1), Duration.ofMinutes(15),
            Duration.ofHours(24));
    /** Generous and short: hundreds of people may sign in from one clinic's address, and their typos add up. */
    static final Rule CLIENT = new Rule("client", 100, Duration.ofMinutes(1), Duration.ofMinutes(15),
            Duration.ofHours(1));
    static final Rule EVERYONE = new Rule("everyone", 1_000, Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(10));

    private static final String NONE = "-";
    /** Rows that mark a browser as the account's own: the client column holds the hash of the browser's token. */
    private static final String KNOWN_DEVICE = "known-device";
    /** How long a browser's token marks it as the account's own. */
    static final Duration DEVICE_KEPT = Duration.ofDays(365);
    private static final SecureRandom RANDOM = new SecureRandom();

    private record Key(Rule rule, String subject, String client) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SignInThrottle(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Counts an attempt to sign in as {@code username} from {@code client}, by a browser holding {@code device} (its
     * token, or null), and lets it through, or answers when it may be tried again (nothing is counted then).
     * Committed before the password is checked.
     */
    Optional<OffsetDateTime> admit(String username, String client, String device) {
        return admit(keys(username, client, device));
    }

    /**
     * Counts an attempt to confirm the password from a session already signed in to the account (e.g. to change
     * it), under the first rule for that session alone: a stolen session guesses no faster than a sign-in form, and
     * strangers' guesses elsewhere do not stop the owner.
     */
    Optional<OffsetDateTime> admitSignedIn(String username, String sessionId) {
        return admit(signedIn(username, sessionId));
    }

    private Optional<OffsetDateTime> admit(List<Key> keys) {
        // An attempt that must wait anyway makes no rows: else a waiting address typing ever new names would fill
        // the table. The counting transaction below checks again under its locks.
        Optional<OffsetDateTime> waiting = waitFor(keys);
        if (waiting.isPresent()) {
            return waiting;
        }
        keys.forEach(this::ensureRow);
        return transactions.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<Integer> failures = new ArrayList<>();
            List<OffsetDateTime> windows = new ArrayList<>();
            OffsetDateTime waitUntil = null;
            // Locked in one fixed order, so two attempts never wait on each other's rows.
            for (Key key : keys) {
                Row row = jdbc.sql("select failures, counting_since, next_allowed_at from sign_in_throttle"
                                + " where rule = ? and subject = ? and client = ? for update")
                        .params(key.rule().name(), key.subject(), key.client())
                        .query((rs, n) -> new Row(rs.getInt(1), rs.getObject(2, OffsetDateTime.class),
                                rs.getObject(3, OffsetDateTime.class)))
                        .single();
                if (row.nextAllowedAt() != null && row.nextAllowedAt().isAfter(now)
                        && (waitUntil == null || row.nextAllowedAt().isAfter(waitUntil))) {
                    waitUntil = row.nextAllowedAt();
                }
                boolean newWindow = row.countingSince() == null
                        || row.countingSince().plus(key.rule().window()).isBefore(now);
                windows.add(newWindow ? now : row.countingSince());
                failures.add(newWindow ? 0 : row.failures());
            }
            if (waitUntil != null) {
                return Optional.of(waitUntil);
            }
            for (int i = 0; i < keys.size(); i++) {
                Key key = keys.get(i);
                int counted = failures.get(i) + 1;
                OffsetDateTime next = counted >= key.rule().freeFailures()
                        ? now.plus(key.rule().delayAfter(counted)) : null;
                jdbc.sql("update sign_in_throttle set failures = ?, counting_since = ?, last_failure_at = ?,"
                                + " next_allowed_at = ? where rule = ? and subject = ? and client = ?")
                        .params(counted, windows.get(i), now, next, key.rule().name(), key.subject(), key.client())
                        .update();
            }
            return Optional.empty();
        });
    }

    private Optional<OffsetDateTime> waitFor(List<Key> keys) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<OffsetDateTime> latest = Optional.empty();
        for (Key key : keys) {
            Optional<OffsetDateTime> until = jdbc.sql("select next_allowed_at from sign_in_throttle where rule = ?"
                            + " and subject = ? and client = ? and next_allowed_at > ?")
                    .params(key.rule().name(), key.subject(), key.client(), now)
                    .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional();
            if (until.isPresent() && (latest.isEmpty() || until.get().isAfter(latest.get()))) {
                latest = until;
            }
        }
        return latest;
    }

    /**
     * The password was right: this address's count for the account goes; the other rules get back the attempt
     * counted in advance, so the owner's sign-in neither wipes a stranger's count nor adds to anyone's.
     */
    void succeeded(String username, String client, String device) {
        succeeded(keys(username, client, device));
    }

    void succeededSignedIn(String username, String sessionId) {
        succeeded(signedIn(username, sessionId));
    }

    private void succeeded(List<Key> keys) {
        for (Key key : keys) {
            if (key.rule() == ACCOUNT_FROM_CLIENT) {
                jdbc.sql("delete from sign_in_throttle where rule = ? and subject = ? and client = ?")
                        .params(key.rule().name(), key.subject(), key.client()).update();
            } else {
                jdbc.sql("update sign_in_throttle set failures = failures - 1 where rule = ? and subject = ?"
                                + " and client = ? and failures > 0")
                        .params(key.rule().name(), key.subject(), key.client()).update();
            }
        }
    }

    /** Whether the browser's token is one this account gave out, within the year a token is kept. */
    boolean isKnownDevice(String username, String device) {
        return device != null && jdbc.sql("select count(*) from sign_in_throttle where rule = ? and subject = ?"
                        + " and client = ? and counting_since > ?")
                .params(KNOWN_DEVICE, subject(username), Fingerprint.of(device),
                        OffsetDateTime.now(clock).minus(DEVICE_KEPT))
                .query(Integer.class).single() > 0;
    }

    /**
     * Forgets counts whose window has closed and whose wait is over, and browsers' tokens past their year, so the
     * table holds only what can still matter however many addresses and names are tried.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void forgetWhatHasExpired() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration longestWindow = Stream.of(ACCOUNT_FROM_CLIENT, ACCOUNT, CLIENT, EVERYONE).map(Rule::window)
                .max(Duration::compareTo).orElseThrow();
        jdbc.sql("delete from sign_in_throttle where rule <> ? and (next_allowed_at is null or next_allowed_at < ?)"
                        + " and (counting_since is null or counting_since < ?)")
                .params(KNOWN_DEVICE, now, now.minus(longestWindow)).update();
        jdbc.sql("delete from sign_in_throttle where rule = ? and counting_since < ?")
                .params(KNOWN_DEVICE, now.minus(DEVICE_KEPT)).update();
    }

    /** A new token marking a browser as the account's own, after a right password; only its hash is stored. */
    String rememberDevice(String username) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        jdbc.sql("insert into sign_in_throttle (rule, subject, client, failures, counting_since)"
                        + " values (?, ?, ?, 0, ?)")
                .params(KNOWN_DEVICE, subject(username), Fingerprint.of(token), OffsetDateTime.now(clock)).update();
        return token;
    }

    /** Clears every count for the account (from any address), e.g. once its owner has chosen a new password. */
    void forgive(String username) {
        jdbc.sql("delete from sign_in_throttle where subject = ?").param(subject(username)).update();
    }

    private record Row(int failures, OffsetDateTime countingSince, OffsetDateTime nextAllowedAt) {
    }

    private static List<Key> signedIn(String username, String sessionId) {
        return List.of(new Key(ACCOUNT_FROM_CLIENT, subject(username), Fingerprint.of("session " + sessionId)));
    }

    private List<Key> keys(String username, String client, String device) {
        String account = subject(username);
        if (isKnownDevice(username, device)) {
            return List.of(new Key(ACCOUNT_FROM_CLIENT, account, Fingerprint.of(device)));
        }
        String address = client == null || client.isBlank() ? NONE : client.substring(0, Math.min(64, client.length()));
        String nobody = "0".repeat(64);
        return List.of(new Key(ACCOUNT_FROM_CLIENT, account, address), new Key(ACCOUNT, account, NONE),
                new Key(CLIENT, nobody, address), new Key(EVERYONE, nobody, NONE));
    }

    /** Rows are made outside the counting transaction: a clash there would abort it on PostgreSQL. */
    private void ensureRow(Key key) {
        try {
            jdbc.sql("insert into sign_in_throttle (rule, subject, client, failures) select ?, ?, ?, 0"
                            + " where not exists (select 1 from sign_in_throttle where rule = ? and subject = ?"
                            + " and client = ?)")
                    .params(key.rule().name(), key.subject(), key.client(), key.rule().name(), key.subject(),
                            key.client())
                    .update();
        } catch (DuplicateKeyException e) {
            // Another attempt made it at the same moment: the row is there, which is all that is needed.
        }
    }

    /** The typed address, hashed after the same folding accounts use: any length, no address stored. */
    private static String subject(String username) {
        return Fingerprint.of(EmailKey.of(username == null ? "" : username));
    }
}
