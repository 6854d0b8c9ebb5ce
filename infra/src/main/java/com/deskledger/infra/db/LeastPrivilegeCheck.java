package com.deskledger.infra.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Says at start-up whether the application's database role could undo the store's protections: a superuser can
 * switch the immutability triggers off ({@code set session_replication_role = replica}) and a table's owner can
 * disable them ({@code ALTER TABLE ... DISABLE TRIGGER}). Either is warned about loudly, or refused with
 * {@code deskledger.db.require-least-privilege=true}. CI, the integration tests, the benchmark and the resilience
 * harness connect as the service's superuser {@code postgres} on purpose and are warned.
 */
@Component
class LeastPrivilegeCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(LeastPrivilegeCheck.class);

    /** What the connected role may do that the application's role should not. */
    record Standing(String role, boolean superuser, long ownedTables) {

        boolean leastPrivilege() {
            return !superuser && ownedTables == 0;
        }

        String describe() {
            return "the application connects to PostgreSQL as \"" + role + "\", "
                    + (superuser ? "a superuser (it can turn the event store's immutability triggers off)"
                    : "the owner of " + ownedTables + " tables (it can disable their triggers)")
                    + ". Connect as a role of its own that owns nothing (README, database roles: the embedded"
                    + " database does so by itself; spring.flyway.user migrates as the owner)";
        }
    }

    private final JdbcTemplate jdbc;
    private final boolean required;

    LeastPrivilegeCheck(JdbcTemplate jdbc,
                        @Value("${deskledger.db.require-least-privilege:false}") boolean required) {
        this.jdbc = jdbc;
        this.required = required;
    }

    Standing standing() {
        return jdbc.queryForObject("""
                select r.rolname, r.rolsuper,
                       (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relowner = r.oid)
                from pg_roles r where r.rolname = current_user""",
                (rs, n) -> new Standing(rs.getString(1), rs.getBoolean(2), rs.getLong(3)));
    }

    @Override
    public void afterPropertiesSet() {
        Standing standing = standing();
        if (standing.leastPrivilege()) {
            log.info("Database role \"{}\": no superuser, owns no table (least privilege)", standing.role());
            return;
        }
        if (required) {
            throw new IllegalStateException("deskledger.db.require-least-privilege is true, but "
                    + standing.describe());
        }
        log.warn("""

                ************************************************************************************************
                 NOT LEAST PRIVILEGE: {}
                ************************************************************************************************""",
                standing.describe());
    }
}
