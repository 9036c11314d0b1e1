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
        assertListing(MsgLogRule.BLACK_LIST, false);
    }

    @Test
    void whiteListModeShowsOnlyWhiteListedNames() {
        rules.setMode(MsgLogMode.WHITE_LIST);
        assertListing(MsgLogRule.WHITE_LIST, true);
    }

    /**
     * In a list mode, listing {@code main.TestEchoACK} under {@code rule} makes it
     * {@code listedVisible}, and the names not listed stay the opposite.
     */
    private void assertListing(MsgLogRule rule, boolean listedVisible) {
        assertEquals(!listedVisible, rules.isVisible("main.TestEchoACK"), "before it is listed");
        rules.setRule("main.TestEchoACK", rule);
        assertEquals(listedVisible, rules.isVisible("main.TestEchoACK"), "once listed");
        assertEquals(!listedVisible, rules.isVisible("proto.ChatREQ"), "a name not listed");
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
