package io.cellnet.netty.msglog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Go's modes and rules, as a table: which full names each mode shows. */
class MsgLogRulesTest {
    private final MsgLogRules rules = new MsgLogRules();

    @Test
    void blackListModeIsTheDefaultAndHidesOnlyBlackListedNames() {
        assertEquals(MsgLogMode.BLACK_LIST, rules.mode());
        assertTrue(rules.isVisible("main.TestEchoACK"));
        rules.setRule("main.TestEchoACK", MsgLogRule.BLACK_LIST);
        assertFalse(rules.isVisible("main.TestEchoACK"));
        assertTrue(rules.isVisible("proto.ChatREQ"));
    }

    @Test
    void whiteListModeShowsOnlyWhiteListedNames() {
        rules.setMode(MsgLogMode.WHITE_LIST);
        assertFalse(rules.isVisible("main.TestEchoACK"));
        rules.setRule("main.TestEchoACK", MsgLogRule.WHITE_LIST);
        assertTrue(rules.isVisible("main.TestEchoACK"));
        assertFalse(rules.isVisible("proto.ChatREQ"));
    }

    @Test
    void muteShowsNothingAndShowAllEverything() {
        rules.setRule("a.X", MsgLogRule.BLACK_LIST);
        rules.setRule("a.Y", MsgLogRule.WHITE_LIST);
        rules.setMode(MsgLogMode.MUTE);
        assertFalse(rules.isVisible("a.X"));
        assertFalse(rules.isVisible("a.Y"));
        rules.setMode(MsgLogMode.SHOW_ALL);
        assertTrue(rules.isVisible("a.X"));
        assertTrue(rules.isVisible("a.Z"));
    }

    @Test
    void ruleNoneRemovesANameFromBothListsAndResetForgetsEverything() {
        rules.setRule("a.X", MsgLogRule.BLACK_LIST);
        rules.setRule("a.X", MsgLogRule.WHITE_LIST);
        rules.setRule("a.W", MsgLogRule.WHITE_LIST);
        assertEquals(Set.of("a.X"), rules.names(MsgLogRule.BLACK_LIST));
        assertEquals(Set.of("a.W", "a.X"), rules.names(MsgLogRule.WHITE_LIST));
        rules.setRule("a.X", MsgLogRule.NONE);
        assertEquals(Set.of(), rules.names(MsgLogRule.BLACK_LIST));
        assertEquals(Set.of("a.W"), rules.names(MsgLogRule.WHITE_LIST));
        rules.setMode(MsgLogMode.MUTE);
        rules.reset();
        assertEquals(MsgLogMode.BLACK_LIST, rules.mode());
        assertEquals(Set.of(), rules.names(MsgLogRule.WHITE_LIST));
    }
}
