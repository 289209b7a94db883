package dev.helix.web.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetStreamOutboxTest {

    /** A browser connection whose sends complete only when the test says so. */
    private static final class SlowBrowser {
        final List<String> inFlight = new ArrayList<>();
        final List<SendHandler> handlers = new ArrayList<>();
        final List<String> received = new ArrayList<>();
        CloseReason closed;
        boolean completesAtOnce;

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            inFlight.add((String) args[0]);
                            handlers.add((SendHandler) args[1]);
                            if (completesAtOnce) {
                                completeOne();
                            }
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "isOpen" -> closed == null;
                        case "close" -> {
                            closed = (CloseReason) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        /** The browser acknowledges the oldest send in flight. */
        void completeOne() {
            received.add(inFlight.remove(0));
            handlers.remove(0).onResult(new SendResult());
        }
    }

    @Test
    void messagesOfferedWhileASendIsInFlightFollowItInOrder() {
        SlowBrowser browser = new SlowBrowser();
        FleetStreamOutbox outbox = new FleetStreamOutbox(browser.session());

        assertTrue(outbox.offer("one"));
        assertTrue(outbox.offer("two"));
        assertTrue(outbox.offer("three"));
        assertEquals(List.of("one"), browser.inFlight, "only one send may be in flight on a WebSocket session");

        browser.completeOne();
        browser.completeOne();
        browser.completeOne();
        assertEquals(List.of("one", "two", "three"), browser.received);
        assertTrue(browser.inFlight.isEmpty());

        assertTrue(outbox.offer("four"));
        assertEquals(List.of("four"), browser.inFlight, "an idle outbox sends at once");
    }

    @Test
    void sendsThatCompleteAtOnceFollowEachOtherWithoutPilingUpTheStack() {
        SlowBrowser browser = new SlowBrowser();
        browser.completesAtOnce = true;
        FleetStreamOutbox outbox = new FleetStreamOutbox(browser.session());
        for (int i = 0; i < 5000; i++) {
            assertTrue(outbox.offer("event " + i));
        }
        assertEquals(5000, browser.received.size());
        assertEquals("event 4999", browser.received.get(4999));
    }

    @Test
    void aFailedSendDropsTheBrowserAndItsWaitingMessages() {
        SlowBrowser browser = new SlowBrowser();
        FleetStreamOutbox outbox = new FleetStreamOutbox(browser.session());
        outbox.offer("one");
        outbox.offer("two");
        browser.handlers.remove(0).onResult(new SendResult(new IOException("connection reset")));
        browser.inFlight.clear();

        assertEquals(CloseReason.CloseCodes.UNEXPECTED_CONDITION, browser.closed.getCloseCode());
        assertFalse(outbox.isOpen());
        assertFalse(outbox.offer("three"), "a dropped browser takes no more messages");
        assertTrue(browser.inFlight.isEmpty(), "nothing more is sent to a failed connection");
    }

    @Test
    void aBrowserTooFarBehindIsDisconnected() {
        SlowBrowser browser = new SlowBrowser();
        FleetStreamOutbox outbox = new FleetStreamOutbox(browser.session());
        outbox.offer("in flight");
        for (int i = 0; i < FleetStreamOutbox.LIMIT; i++) {
            assertTrue(outbox.offer("waiting " + i));
        }
        assertNull(browser.closed);

        assertFalse(outbox.offer("one too many"));
        assertEquals(CloseReason.CloseCodes.TRY_AGAIN_LATER, browser.closed.getCloseCode());
        assertFalse(outbox.isOpen());
    }
}
