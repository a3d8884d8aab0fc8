package org.imrplatform.shared;

import java.sql.DatabaseMetaData;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/** Which database the application runs on, for the few statements H2 and PostgreSQL spell differently. */
@Component
public class Database {

    private final boolean postgres;

    Database(DataSource dataSource) throws MetaDataAccessException {
        this.postgres = "PostgreSQL".equals(
                JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
    }

    public boolean isPostgres() {
        return postgres;
    }
}
