/** The HikariCP implementation of the SQL peer (not an API). */
package io.cellnet.sql.internal;
