package org.imrplatform.lti;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The registered platforms and their deployments. */
@Repository
class Platforms {

    private static final String COLUMNS = "id, issuer, client_id, authorization_url, token_url, jwks_url";

    private final JdbcClient jdbc;
    private final Clock clock;

    Platforms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Platform> all() {
        return jdbc.sql("select " + COLUMNS + " from lti_platform order by lower(issuer), client_id, id")
                .query(this::platform).list();
    }

    Optional<Platform> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from lti_platform where id = ?").param(id).query(this::platform)
                .optional();
    }

    /** The platforms an issuer registered, the one with the client id first when there are several. */
    List<Platform> ofIssuer(String issuer) {
        return jdbc.sql("select " + COLUMNS + " from lti_platform where issuer = ? order by id").param(issuer)
                .query(this::platform).list();
    }

    boolean exists(String issuer, String clientId) {
        return jdbc.sql("select count(*) from lti_platform where issuer = ? and client_id = ?")
                .params(issuer, clientId).query(Integer.class).single() > 0;
    }

    /**
     * Whether the issuer is registered with other keys or another login address. A learner is known by issuer and
     * subject whatever the registration, so a second registration of an issuer that trusted other keys would let
     * whoever holds those keys sign in as every learner of the first.
     */
    boolean registeredOtherwise(String issuer, String jwksUrl, String authorizationUrl) {
        return jdbc.sql("select count(*) from lti_platform"
                        + " where issuer = ? and (jwks_url <> ? or authorization_url <> ?)")
                .params(issuer, jwksUrl, authorizationUrl).query(Integer.class).single() > 0;
    }

    /** Adds a platform; a second one with the same issuer and client id is refused by the unique key. */
    @Transactional
    long add(PlatformForm form) {
        jdbc.sql("""
                        insert into lti_platform (issuer, client_id, authorization_url, token_url, jwks_url, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(form.issuer().strip(), form.clientId().strip(), form.authorizationUrl().strip(),
                        form.tokenUrl().strip(), form.jwksUrl().strip(), OffsetDateTime.now(clock))
                .update();
        long id = jdbc.sql("select id from lti_platform where issuer = ? and client_id = ?")
                .params(form.issuer().strip(), form.clientId().strip()).query(Long.class).single();
        form.deployments().forEach(deployment -> jdbc.sql(
                        "insert into lti_deployment (platform_id, deployment_id) values (?, ?)")
                .params(id, deployment).update());
        return id;
    }

    /** Removes a platform: its deployments, launches in flight, score targets and deep linking requests go too. */
    boolean remove(long id) {
        return jdbc.sql("delete from lti_platform where id = ?").param(id).update() > 0;
    }

    private Platform platform(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<String> deployments = jdbc.sql(
                        "select deployment_id from lti_deployment where platform_id = ? order by deployment_id")
                .param(id).query(String.class).list();
        return new Platform(id, rs.getString("issuer"), rs.getString("client_id"), deployments,
                rs.getString("authorization_url"), rs.getString("token_url"), rs.getString("jwks_url"));
    }
}
