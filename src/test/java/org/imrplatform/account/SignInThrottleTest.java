package org.imrplatform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;

import org.imrplatform.support.Learners;
import org.imrplatform.support.PlatformTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Guessing is slowed without handing strangers a lock: each test signs in from its own made-up client addresses,
 * so the suite can run twice on one database and other tests' sign-ins from 127.0.0.1 are not touched.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordResets resets;

    @Autowired
    SignInThrottle throttle;

    private static String email(String who) {
        return who + "-" + UUID.randomUUID() + "@example.org";
    }

    /** A client address of its own for each test run (documentation range, random last parts). */
    private static String address() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(256) + "-" + UUID.randomUUID().toString()
                .substring(0, 8);
    }

    /** Where the sign-in form sends someone who typed these, from that client address. */
    private String signIn(String email, String password, String client) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }).param("username", email).param("password", password))
                .andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void fiveWrongPasswordsMakeThatAddressWaitButTheOwnerElsewhereGetsIn(CapturedOutput log) throws Exception {
        String email = email("guessed");
        Learners.register(mvc, email);
        String stranger = address();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures(); i++) {
            assertThat(signIn(email, "wrong guess " + i, stranger)).isEqualTo("/login?error");
        }
        assertThat(signIn(email, Learners.PASSWORD, stranger)).as("the stranger's address waits")
                .isEqualTo("/login?locked");
        assertThat(signIn(email, Learners.PASSWORD, address())).as("the owner, from their own address").isEqualTo("/");
        assertThat(signIn(email, Learners.PASSWORD, stranger)).as("the owner's sign-in wipes no stranger's count")
                .isEqualTo("/login?locked");
        mvc.perform(get("/login?locked")).andExpect(content().string(containsString("Wait a few minutes")));

        long id = accounts.findByEmail(email).orElseThrow().id();
        assertThat(log.getOut()).contains("Sign-in failed for account " + id)
                .contains("Sign-in throttled for account " + id).doesNotContain(email);
    }

    /**
     * Strangers at a few addresses used to use up the account's own allowance (20 from anywhere) and keep its owner
     * out from everywhere, every 15 minutes, even past a reset. A browser that has signed in to the account before
     * is counted on its own.
     */
    @Test
    void strangersAtManyAddressesCannotKeepTheOwnerOut() throws Exception {
        String email = email("besieged");
        Learners.register(mvc, email);
        Cookie device = mvc.perform(post("/login").with(csrf()).with(from(address())).param("username", email)
                        .param("password", Learners.PASSWORD))
                .andReturn().getResponse().getCookie(KnownDevices.COOKIE);
        assertThat(device).as("a right password marks the browser").isNotNull();
        assertThat(device.isHttpOnly()).isTrue();
        for (int stranger = 0; stranger * SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures()
                <= SignInThrottle.ACCOUNT.freeFailures(); stranger++) {
            String client = address();
            for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures(); i++) {
                signIn(email, "wrong guess " + i, client);
            }
        }
        assertThat(signIn(email, Learners.PASSWORD, address())).as("a new browser waits with the strangers")
                .isEqualTo("/login?locked");
        assertThat(mvc.perform(post("/login").with(csrf()).with(from(address())).cookie(device)
                        .param("username", email).param("password", Learners.PASSWORD))
                .andReturn().getResponse().getRedirectedUrl()).as("the owner's own browser").isEqualTo("/");
        assertThat(mvc.perform(post("/login").with(csrf()).with(from(address())).cookie(device)
                        .param("username", email("someone-else")).param("password", "a guess"))
                .andReturn().getResponse().getRedirectedUrl()).as("the mark opens only its own account")
                .isEqualTo("/login?error");
    }

    /** A signed-in owner's wrong current passwords count for that session alone, and strangers' for theirs. */
    @Test
    void strangersCannotStopTheSignedInOwnerChangingTheirPassword() throws Exception {
        String email = email("changing");
        Cookie session = Learners.register(mvc, email);
        for (int stranger = 0; stranger * SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures()
                <= SignInThrottle.ACCOUNT.freeFailures(); stranger++) {
            String client = address();
            for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures(); i++) {
                signIn(email, "wrong guess " + i, client);
            }
        }
        mvc.perform(post("/account/password").with(csrf()).with(from(address())).cookie(session)
                        .param("current", Learners.PASSWORD).param("password", "a fresh passphrase of mine"))
                .andExpect(redirectedUrl("/account/password"));
    }

    private static RequestPostProcessor from(String client) {
        return request -> {
            request.setRemoteAddr(client);
            return request;
        };
    }

    @Test
    void delaysGrowWithEachFailurePastTheFreeOnes() throws Exception {
        String email = email("patient");
        Learners.register(mvc, email);
        String client = address();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures() + 2; i++) {
            assertThat(signIn(email, "wrong " + i, client)).isEqualTo("/login?error");
            delays.add(jdbc.sql("select last_failure_at, next_allowed_at from sign_in_throttle where rule = ?"
                            + " and client = ?").params(SignInThrottle.ACCOUNT_FROM_CLIENT.name(), client)
                    .query((rs, n) -> rs.getObject(2, java.time.OffsetDateTime.class) == null ? Duration.ZERO
                            : Duration.between(rs.getObject(1, java.time.OffsetDateTime.class),
                                    rs.getObject(2, java.time.OffsetDateTime.class)))
                    .single());
            // As if the wait had passed: the next attempt is let through and counted.
            jdbc.sql("update sign_in_throttle set next_allowed_at = null where client = ?").param(client).update();
        }
        assertThat(delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
        assertThat(SignInThrottle.ACCOUNT_FROM_CLIENT.delayAfter(100)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aBurstOfParallelGuessesGetsNoMoreTriesThanASequence() throws Exception {
        String email = email("burst");
        Learners.register(mvc, email);
        String client = address();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> guesses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String guess = "parallel guess " + i;
                guesses.add(() -> signIn(email, guess, client));
            }
            List<String> answers = new ArrayList<>();
            for (Future<String> answer : pool.invokeAll(guesses)) {
                answers.add(answer.get());
            }
            Map<String, Long> counted = answers.stream()
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(counted).containsEntry("/login?error", (long) SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures())
                    .containsEntry("/login?locked", 24L - SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void oneAddressSprayingManyAccountsIsSlowedToo() throws Exception {
        String client = address();
        for (int i = 0; i < SignInThrottle.CLIENT.freeFailures(); i++) {
            assertThat(signIn(email("sprayed" + i), "Summer2026!", client)).isEqualTo("/login?error");
        }
        assertThat(signIn(email("sprayed-next"), "Summer2026!", client)).isEqualTo("/login?locked");
    }

    /**
     * The sign-in page tells what went wrong from its address: a failed attempt stores nothing in the browser's
     * session. Stored, the failure was one more write per guess, and parallel failures from one signed-in browser
     * clashed on the same session row and answered 500.
     */
    @Test
    void aFailedSignInStoresNothingInTheSession() throws Exception {
        String email = email("signed-in");
        Cookie session = Learners.register(mvc, email);
        mvc.perform(post("/login").with(csrf()).with(from(address())).cookie(session).param("username", email)
                .param("password", "not the password")).andExpect(redirectedUrl("/login?error"));
        assertThat(jdbc.sql("select count(*) from spring_session_attributes a join spring_session s"
                        + " on s.primary_id = a.session_primary_id where s.session_id = ? and a.attribute_name like ?")
                .params(new String(Base64.getDecoder().decode(session.getValue()), StandardCharsets.UTF_8),
                        "%LAST_EXCEPTION").query(Long.class).single()).isZero();
    }

    /** A waiting address that keeps typing new names must not keep adding rows to count them in. */
    @Test
    void attemptsThatMustWaitStoreNothing() throws Exception {
        String client = address();
        assertThat(signIn(email("first"), "a guess", client)).isEqualTo("/login?error");
        jdbc.sql("update sign_in_throttle set next_allowed_at = ? where rule = ? and client = ?")
                .params(OffsetDateTime.now().plusHours(1), SignInThrottle.CLIENT.name(), client).update();
        long rows = rowsFrom(client);
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(email("flood" + i), "a guess", client)).isEqualTo("/login?locked");
        }
        assertThat(rowsFrom(client)).isEqualTo(rows);
    }

    private long rowsFrom(String client) {
        return jdbc.sql("select count(*) from sign_in_throttle where client = ?").param(client).query(Long.class)
                .single();
    }

    @Test
    void unknownAddressesAreThrottledAlikeSoThrottlingRevealsNothing() throws Exception {
        String nobody = email("nobody");
        String client = address();
        for (int i = 0; i < SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures(); i++) {
            assertThat(signIn(nobody, "x" + i, client)).isEqualTo("/login?error");
        }
        assertThat(signIn(nobody, "y", client)).isEqualTo("/login?locked");
    }

    @Test
    void aSwitchedOffAccountIsToldSoOnlyAfterTheRightPassword() throws Exception {
        String email = email("switched-off");
        Learners.register(mvc, email);
        accounts.setEnabled(accounts.findByEmail(email).orElseThrow().id(), false);
        String client = address();
        assertThat(signIn(email, "not the password", client)).isEqualTo("/login?error");
        assertThat(signIn(email, Learners.PASSWORD, client)).isEqualTo("/login?disabled");
    }

    @Test
    void aVeryLongAddressIsAnOrdinaryFailure() throws Exception {
        assertThat(signIn("a".repeat(10_000) + "@example.org", "whatever", address())).isEqualTo("/login?error");
        mvc.perform(get("/login?error")).andExpect(content().string(containsString("The email or password is not right")));
    }

    @Test
    void aNewPasswordThroughAResetLiftsTheWait() throws Exception {
        String email = email("reset-lifts");
        Learners.register(mvc, email);
        String client = address();
        for (int i = 0; i <= SignInThrottle.ACCOUNT_FROM_CLIENT.freeFailures(); i++) {
            signIn(email, "wrong " + i, client);
        }
        assertThat(signIn(email, Learners.PASSWORD, client)).isEqualTo("/login?locked");
        PasswordResets.Issued link = resets.start(email, PasswordResets.VALID_FOR).orElseThrow();
        assertThat(resets.finish(link.token(), "a new and better passphrase")).isTrue();
        assertThat(signIn(email, "a new and better passphrase", client)).isEqualTo("/");
    }

    @Test
    void expiredCountsAndOldDeviceTokensAreForgottenButLiveOnesKept() {
        String subject = Fingerprint.of(UUID.randomUUID().toString());
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        String client = address();
        Object[][] rows = {
                {SignInThrottle.CLIENT.name(), client + "-old", now.minusDays(2), null},
                {SignInThrottle.CLIENT.name(), client + "-waiting", now.minusDays(2), now.plusMinutes(5)},
                {SignInThrottle.CLIENT.name(), client + "-fresh", now.minusMinutes(1), null},
                {"known-device", client + "-old-device", now.minusDays(400), null},
                {"known-device", client + "-device", now.minusDays(30), null}};
        for (Object[] row : rows) {
            jdbc.sql("insert into sign_in_throttle (rule, subject, client, failures, counting_since, next_allowed_at)"
                    + " values (?, ?, ?, 1, ?, ?)").params(row[0], subject, row[1], row[2], row[3]).update();
        }
        throttle.forgetWhatHasExpired();
        assertThat(jdbc.sql("select client from sign_in_throttle where subject = ?").param(subject)
                .query(String.class).list())
                .containsExactlyInAnyOrder(client + "-waiting", client + "-fresh", client + "-device");
    }
}
