package io.cellnet.netty.msglog;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mode and the per-message rules of a message log (Go's {@code SetCurrMsgLogMode},
 * {@code SetMsgLogRule}, {@code IsMsgLogValid}, {@code VisitMsgLogRule}). Rules are keyed by
 * message full name ({@code "main.TestEchoACK"}); for RPC and relay envelopes the name of the
 * message inside counts, as in Go. {@link #global()} serves the built-in processors.
 *
 * <pre>{@code
 * MsgLogRules.global().setMode(MsgLogMode.BLACK_LIST);
 * MsgLogRules.global().setRule("proto.PingACK", MsgLogRule.BLACK_LIST);
 * }</pre>
 *
 * <p>Thread safety: every method may be called from any thread; {@link #isVisible} does not lock.
 */
public final class MsgLogRules {
    private static final MsgLogRules GLOBAL = new MsgLogRules();

    private volatile MsgLogMode mode = MsgLogMode.BLACK_LIST;
    private final Set<String> blackList = ConcurrentHashMap.newKeySet();
    private final Set<String> whiteList = ConcurrentHashMap.newKeySet();

    /** Rules in {@link MsgLogMode#BLACK_LIST} mode with empty lists: everything is shown. */
    public MsgLogRules() {
    }

    /** The rules of the {@code tcp.ltv} processor and of {@link MsgLogHooker#of(String)}. */
    public static MsgLogRules global() {
        return GLOBAL;
    }

    /** The current mode. */
    public MsgLogMode mode() {
        return mode;
    }

    /** Sets the mode. */
    public void setMode(MsgLogMode newMode) {
        Objects.requireNonNull(newMode, "newMode");
        this.mode = Objects.requireNonNull(newMode, "mode");
    }

    /**
     * Sets the rule of {@code fullName}. Unlike Go, the name need not be registered: peers have
     * their own registries, and a rule may be set before the message is.
     */
    public void setRule(String fullName, MsgLogRule rule) {
        Objects.requireNonNull(fullName, "fullName");
        switch (Objects.requireNonNull(rule, "rule")) {
            case BLACK_LIST -> blackList.add(fullName);
            case WHITE_LIST -> whiteList.add(fullName);
            case NONE -> {
                blackList.remove(fullName);
                whiteList.remove(fullName);
            }
        }
    }

    /** The full names that have {@code rule} (empty for {@link MsgLogRule#NONE}), sorted. */
    public Set<String> names(MsgLogRule rule) {
        return switch (rule) {
            case BLACK_LIST -> new TreeSet<>(blackList);
            case WHITE_LIST -> new TreeSet<>(whiteList);
            case NONE -> Set.of();
        };
    }

    /** Whether a message of {@code fullName} is logged under the current mode and rules. */
    public boolean isVisible(String fullName) {
        Objects.requireNonNull(fullName, "fullName");
        return switch (mode) {
            case SHOW_ALL -> true;
            case MUTE -> false;
            case BLACK_LIST -> !blackList.contains(fullName);
            case WHITE_LIST -> whiteList.contains(fullName);
        };
    }

    /** Back to the initial state: {@link MsgLogMode#BLACK_LIST} mode, no rules. */
    public void reset() {
        mode = MsgLogMode.BLACK_LIST;
        blackList.clear();
        whiteList.clear();
    }
}
