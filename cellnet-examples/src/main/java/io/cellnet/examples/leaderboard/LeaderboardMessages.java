package io.cellnet.examples.leaderboard;

import io.cellnet.MessageMeta;
import io.cellnet.MessageRegistry;
import io.cellnet.codec.Codecs;
import java.util.List;

/**
 * The leaderboard's messages, json codec; Go would declare them as {@code package leaderboard}
 * structs with ids {@code StringHash} of the full name.
 *
 * <p>Thread safety: stateless.
 */
public final class LeaderboardMessages {
    private LeaderboardMessages() {
    }

    /**
     * {@code leaderboard.SubmitREQ}: a player's score.
     *
     * <p>Thread safety: immutable.
     *
     * @param Player the player's name
     * @param Score  the score
     */
    public record SubmitREQ(String Player, long Score) {
    }

    /**
     * {@code leaderboard.SubmitACK}: the answer to a submission.
     *
     * <p>Thread safety: immutable.
     *
     * @param Player the player's name
     * @param Score  the score submitted
     * @param Error  empty when stored, else why not
     */
    public record SubmitACK(String Player, long Score, String Error) {
    }

    /**
     * {@code leaderboard.TopREQ}: asks for the ten best.
     *
     * <p>Thread safety: immutable.
     *
     * @param Count how many, at most 10
     */
    public record TopREQ(int Count) {
    }

    /**
     * One entry of the leaderboard.
     *
     * <p>Thread safety: immutable.
     *
     * @param Player the player's name
     * @param Score  the player's best score
     */
    public record Entry(String Player, long Score) {

        /** {@code name:score}. */
        @Override
        public String toString() {
            return Player + ":" + Score;
        }
    }

    /**
     * {@code leaderboard.TopACK}: the best scores, best first.
     *
     * <p>Thread safety: immutable.
     *
     * @param Entries the best scores
     * @param Error   empty when answered, else why not
     */
    public record TopACK(List<Entry> Entries, String Error) {
    }

    /** A registry of the four messages. */
    public static MessageRegistry registry() {
        MessageRegistry r = MessageRegistry.create();
        r.register(MessageMeta.of(SubmitREQ.class, "leaderboard.SubmitREQ", Codecs.get("json")));
        r.register(MessageMeta.of(SubmitACK.class, "leaderboard.SubmitACK", Codecs.get("json")));
        r.register(MessageMeta.of(TopREQ.class, "leaderboard.TopREQ", Codecs.get("json")));
        r.register(MessageMeta.of(TopACK.class, "leaderboard.TopACK", Codecs.get("json")));
        return r;
    }
}
