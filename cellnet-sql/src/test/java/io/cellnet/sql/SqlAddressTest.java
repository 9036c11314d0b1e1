package io.cellnet.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Go's DSN converted to a JDBC URL; a JDBC URL kept as it is. */
class SqlAddressTest {

    @Test
    void goDsnBecomesAJdbcUrlWithTheCredentialsApart() {
        assertEquals(new SqlAddress("jdbc:mariadb://10.0.0.5:3307/game?timeout=5s", "root", "p@ss:word"),
                SqlAddress.fromGoDsn("root:p@ss:word@tcp(10.0.0.5:3307)/game?charset=utf8&parseTime=true&timeout=5s",
                        "mariadb"));
        assertEquals(new SqlAddress("jdbc:mysql://127.0.0.1:3306/game", "u", null),
                SqlAddress.fromGoDsn("u@tcp()/game", "mysql"));
        assertEquals(new SqlAddress("jdbc:mysql://127.0.0.1:3306/game", null, null),
                SqlAddress.fromGoDsn("/game", "mysql"));
        assertEquals(new SqlAddress("jdbc:mysql://db:3306/game", null, null),
                SqlAddress.fromGoDsn("tcp(db)/game", "mysql"));
    }

    @Test
    void aJdbcUrlIsKept() {
        assertEquals(new SqlAddress("jdbc:mariadb://h:1/d?user=a", null, null), SqlAddress.parse("jdbc:mariadb://h:1/d?user=a"));
        // MariaDB's driver is on this module's test class path.
        assertEquals("jdbc:mariadb://127.0.0.1:3306/x", SqlAddress.parse("tcp(127.0.0.1:3306)/x").jdbcUrl());
    }

    @Test
    void otherFormsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SqlAddress.parse("no-slash-here"));
        assertThrows(IllegalArgumentException.class, () -> SqlAddress.parse("u:p@unix(/tmp/sock)/db"));
    }
}
