package org.imrplatform.practice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;

/** Sites, their IMR programs and groups, and who facilitates each group. */
@Service
public class Programs {

    private static final String PROGRAMS = "select p.id, p.site_id, s.name site_name, p.name from imr_program p"
            + " join site s on s.id = p.site_id";
    private static final String GROUPS = "select g.id, g.program_id, s.name site_name, p.name program_name, g.name"
            + " from imr_group g join imr_program p on p.id = g.program_id join site s on s.id = p.site_id";
    private static final String GROUP_ORDER = " order by lower(s.name), lower(p.name), lower(g.name)";

    private final JdbcClient jdbc;

    Programs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Site> sites() {
        return jdbc.sql("select id, name from site order by lower(name)")
                .query((rs, row) -> new Site(rs.getLong(1), rs.getString(2))).list();
    }

    public List<ImrProgram> programs() {
        return jdbc.sql(PROGRAMS + " order by lower(s.name), lower(p.name)").query(Programs::program).list();
    }

    public Optional<ImrProgram> program(long id) {
        return jdbc.sql(PROGRAMS + " where p.id = ?").param(id).query(Programs::program).optional();
    }

    public List<ImrGroup> groups() {
        return jdbc.sql(GROUPS + GROUP_ORDER).query(Programs::group).list();
    }

    /** The program's groups, in the order of {@link #groups()}. */
    public List<ImrGroup> groupsOf(long programId) {
        return jdbc.sql(GROUPS + " where g.program_id = ?" + GROUP_ORDER).param(programId).query(Programs::group)
                .list();
    }

    public Optional<ImrGroup> group(long id) {
        return jdbc.sql(GROUPS + " where g.id = ?").param(id).query(Programs::group).optional();
    }

    /** Every group-facilitator pair, by site, program, group and name. */
    public List<GroupFacilitator> facilitators() {
        return jdbc.sql("select g.id, g.program_id, s.name site_name, p.name program_name, g.name, a.id account_id,"
                        + " a.full_name from imr_group g join imr_program p on p.id = g.program_id"
                        + " join site s on s.id = p.site_id join group_facilitator f on f.group_id = g.id"
                        + " join account_people a on a.id = f.account_id" + GROUP_ORDER + ", lower(a.full_name)")
                .query((rs, row) -> new GroupFacilitator(group(rs, row), rs.getLong("account_id"),
                        rs.getString("full_name")))
                .list();
    }

    public boolean facilitates(long accountId, long groupId) {
        return jdbc.sql("select count(*) from group_facilitator where account_id = ? and group_id = ?")
                .params(accountId, groupId).query(Integer.class).single() > 0;
    }

    /** The groups the account facilitates, in the order of {@link #groups()}. */
    public List<ImrGroup> groupsLedBy(long accountId) {
        return jdbc.sql(GROUPS + " join group_facilitator f on f.group_id = g.id where f.account_id = ?" + GROUP_ORDER)
                .param(accountId).query(Programs::group).list();
    }

    /** The programs in which the account facilitates at least one group. */
    public List<Long> programsFacilitatedBy(long accountId) {
        return jdbc.sql("select distinct g.program_id from imr_group g join group_facilitator f on f.group_id = g.id"
                + " where f.account_id = ?").param(accountId).query(Long.class).list();
    }

    long addSite(String name) {
        return insert("insert into site (name, created_at) values (?, ?)", name.trim());
    }

    long addProgram(long siteId, String name) {
        return insert("insert into imr_program (site_id, name, created_at) values (?, ?, ?)", siteId, name.trim());
    }

    long addGroup(long programId, String name) {
        return insert("insert into imr_group (program_id, name, created_at) values (?, ?, ?)", programId,
                name.trim());
    }

    void link(long groupId, long accountId) {
        if (!facilitates(accountId, groupId)) {
            jdbc.sql("insert into group_facilitator (group_id, account_id) values (?, ?)").params(groupId, accountId)
                    .update();
        }
    }

    /** Ends a facilitator's link to a group; their clinical reviews stay theirs, the group's program no longer. */
    void unlink(long groupId, long accountId) {
        jdbc.sql("delete from group_facilitator where group_id = ? and account_id = ?").params(groupId, accountId)
                .update();
    }

    private long insert(String sql, Object... params) {
        Object[] all = Arrays.copyOf(params, params.length + 1);
        all[params.length] = OffsetDateTime.now(ZoneOffset.UTC);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql).params(all).update(keys, "id");
        return keys.getKey().longValue();
    }

    private static ImrProgram program(ResultSet rs, int row) throws SQLException {
        return new ImrProgram(rs.getLong("id"), rs.getLong("site_id"), rs.getString("site_name"), rs.getString("name"));
    }

    private static ImrGroup group(ResultSet rs, int row) throws SQLException {
        return new ImrGroup(rs.getLong("id"), rs.getLong("program_id"),
                rs.getString("site_name") + " · " + rs.getString("program_name"), rs.getString("name"));
    }
}
