package dev.helix.web.api.chatops;

import java.util.List;

/**
 * What Helix answers a chat command, before a platform's formatting: a title, lines of text, and whether it is a
 * result for the channel or a word for the asker alone (help, a refusal, a code).
 */
record ChatReply(String title, List<String> lines, boolean forChannel) {

    static ChatReply toAsker(String title, String... lines) {
        return new ChatReply(title, List.of(lines), false);
    }

    static ChatReply toChannel(String title, List<String> lines) {
        return new ChatReply(title, lines, true);
    }
}
