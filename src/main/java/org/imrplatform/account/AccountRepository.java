package org.imrplatform.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their roles. Email addresses are matched without regard to case. */
@Repository
class AccountRepository {

    private static final String COLUMNS = "id, email, full_name, discipline, organization, region, enabled, created_at";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where email_key = ?").param(EmailKey.of(email))
                .query(this::account).optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?").param(id).query(this::account).optional();
    }

    Optional<String> passwordHash(String email) {
        return jdbc.sql("select password_hash from account where email_key = ?").param(EmailKey.of(email))
                .query(String.class).optional();
    }

    boolean passwordChangeRequired(long accountId) {
        return jdbc.sql("select password_change_required from account where id = ?").param(accountId)
                .query(Boolean.class).single();
    }

    /** A new password, chosen by the person (or generated for the first administrator, to be changed at once). */
    void setPassword(long accountId, String passwordHash, boolean changeRequired) {
        jdbc.sql("update account set password_hash = ?, password_change_required = ? where id = ?")
                .params(passwordHash, changeRequired, accountId).update();
    }

    boolean exists(String email) {
        return jdbc.sql("select count(*) from account where email_key = ?").param(EmailKey.of(email))
                .query(Integer.class).single() > 0;
    }

    long create(NewAccount account, String passwordHash, Set<Role> roles) {
        jdbc.sql("""
                        insert into account (email, email_key, password_hash, full_name, discipline, organization,
                                             region, enabled, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, true, ?)
                        """)
                .params(account.email().trim(), EmailKey.of(account.email()), passwordHash, account.fullName().trim(),
                        account.discipline().name(), account.organization().trim(), account.region().name(),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("select id from account where email_key = ?").param(EmailKey.of(account.email()))
                .query(Long.class).single();
        setRoles(id, roles);
        return id;
    }

    /** Accounts whose name, email or organization contains the text (any case), by name. */
    List<Account> search(String text, int limit, int offset) {
        String like = "%" + text.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
        return jdbc.sql("select " + COLUMNS + " from account where email_key like ? or lower(full_name) like ?"
                        + " or lower(organization) like ? order by lower(full_name), id limit ? offset ?")
                .params(like, like, like, limit, offset).query(this::account).list();
    }

    List<Account> withRole(Role role) {
        return jdbc.sql("select " + COLUMNS + " from account where enabled = true and id in"
                        + " (select account_id from account_role where role = ?) order by lower(full_name), id")
                .param(role.name()).query(this::account).list();
    }

    void setEnabled(long accountId, boolean enabled) {
        jdbc.sql("update account set enabled = ? where id = ?").params(enabled, accountId).update();
    }

    void setRoles(long accountId, Set<Role> roles) {
        jdbc.sql("delete from account_role where account_id = ?").param(accountId).update();
        roles.forEach(role -> jdbc.sql("insert into account_role (account_id, role) values (?, ?)")
                .params(accountId, role.name()).update());
    }

    private Set<Role> roles(long accountId) {
        List<String> names = jdbc.sql("select role from account_role where account_id = ?").param(accountId)
                .query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        names.forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }

    private Account account(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new Account(id, rs.getString("email"), rs.getString("full_name"),
                Discipline.valueOf(rs.getString("discipline")), rs.getString("organization"),
                Region.valueOf(rs.getString("region")), rs.getBoolean("enabled"), roles(id),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
