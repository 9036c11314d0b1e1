package io.cellnet.sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps the current row of a result set to a value. It runs on the pool thread that read the row,
 * so it must only read the row.
 *
 * <p>Thread safety: called on pool threads, possibly several at once; implementations must be
 * stateless or thread-safe (the mappers made here are).
 *
 * @param <T> the row's type
 */
@FunctionalInterface
public interface RowMapper<T> {

    /** The value of the current row. */
    T map(ResultSet row) throws SQLException;

    /** Each row as an unmodifiable map from column label to value, in column order. */
    static RowMapper<Map<String, Object>> toMap() {
        return row -> {
            ResultSetMetaData meta = row.getMetaData();
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                map.put(meta.getColumnLabel(i), row.getObject(i));
            }
            return Collections.unmodifiableMap(map);
        };
    }

    /**
     * Each row as a record of type {@code type}: each component takes the column of its name
     * (letters compared without case, underscores ignored: {@code player_name} fills
     * {@code playerName}), converted by the driver to the component's type. A column without a
     * component is ignored; a component without a column is an {@link SQLException}. On the module
     * path, the record's package must be open to {@code io.cellnet.sql} (or exported, for a public
     * record).
     */
    static <R extends Record> RowMapper<R> toRecord(Class<R> type) {
        Objects.requireNonNull(type, "type");
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        Constructor<R> constructor;
        try {
            constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot use the canonical constructor of " + type.getName(), e);
        }
        return row -> {
            ResultSetMetaData meta = row.getMetaData();
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.put(key(meta.getColumnLabel(i)), i);
            }
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                Integer column = columns.get(key(components[i].getName()));
                if (column == null) {
                    throw new SQLException("no column for " + type.getSimpleName() + "." + components[i].getName()
                            + " among " + columns.keySet());
                }
                args[i] = read(row, column, types[i]);
            }
            try {
                return constructor.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new SQLException("cannot make a " + type.getName() + " of the row", e);
            }
        };
    }

    private static String key(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static Object read(ResultSet row, int column, Class<?> type) throws SQLException {
        if (!type.isPrimitive()) {
            return row.getObject(column, type);
        }
        Object v = row.getObject(column, boxed(type));
        if (v == null) {
            throw new SQLException("column " + column + " is NULL for a " + type + " component");
        }
        return v;
    }

    private static Class<?> boxed(Class<?> type) {
        return type == int.class ? Integer.class : type == long.class ? Long.class : type == double.class ? Double.class
                : type == float.class ? Float.class : type == boolean.class ? Boolean.class
                : type == short.class ? Short.class : type == byte.class ? Byte.class : Character.class;
    }
}
