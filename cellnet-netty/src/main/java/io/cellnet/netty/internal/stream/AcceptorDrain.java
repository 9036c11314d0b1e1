package io.cellnet.netty.internal.stream;

import io.cellnet.DrainHook;
import io.cellnet.DrainResult;
import io.cellnet.EventQueue;
import io.cellnet.netty.internal.Link;
import io.cellnet.netty.internal.PeerShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One drain of an acceptor whose listener is already closed: tells each session that was open
 * (the hook, on the peer's queue), waits for them to leave until the deadline, then closes the rest
 * gracefully and completes with the counts.
 *
 * <p>Thread safety: {@link #run} is called once, from any thread; the rest runs on I/O and timer
 * threads and only touches thread-safe state.
 */
final class AcceptorDrain {
    private final String peerName;
    private final List<Link> links;
    private final CompletableFuture<DrainResult> result = new CompletableFuture<>();
    private final AtomicBoolean deadlinePassed = new AtomicBoolean();
    private final List<Link> closedAtDeadline = new ArrayList<>();

    /** A drain of {@code links}, the open sessions of the peer {@code peerName}. */
    AcceptorDrain(String peerName, List<Link> links) {
        this.peerName = peerName;
        this.links = List.copyOf(links);
    }

    /** Completes with the counts once every link has posted its {@code SessionClosed}. */
    CompletableFuture<DrainResult> result() {
        return result;
    }

    /** Posts the hook calls to {@code queue} and arms the deadline (on the JDK's delayed executor: it only closes). */
    void run(EventQueue queue, DrainHook hook, Duration deadline) {
        PeerShell.log.info("peer '{}' draining {} session(s), deadline {} ms", peerName, links.size(),
                deadline.toMillis());
        for (Link link : links) {
            if (!queue.post(() -> callHook(hook, link))) {
                PeerShell.log.warn("peer '{}': queue '{}' refused the drain hook of session {}; it is only waited for",
                        peerName, queue.name(), link.session().id());
            }
        }
        // the queue runs tasks in order: once this one runs, every hook has run, and what the hooks
        // sent is queued before the deadline's close
        CompletableFuture<Void> hooksDone = new CompletableFuture<>();
        if (!queue.post(() -> hooksDone.complete(null))) {
            hooksDone.complete(null);
        }
        CompletableFuture<Void> allLeft = CompletableFuture.allOf(
                links.stream().map(Link::closedPosted).toArray(CompletableFuture<?>[]::new));
        Executor delayed = CompletableFuture.delayedExecutor(deadline.toNanos(), TimeUnit.NANOSECONDS);
        if (!allLeft.isDone()) {
            delayed.execute(() -> hooksDone.thenRun(() -> {
                if (!allLeft.isDone()) {
                    closeTheRest();
                }
            }));
        }
        allLeft.whenComplete((v, e) -> finish());
    }

    private void callHook(DrainHook hook, Link link) {
        if (!link.session().isOpen()) {
            return;
        }
        try {
            hook.onDrain(link.session());
        } catch (RuntimeException e) {
            PeerShell.log.warn("peer '{}': the drain hook failed for session {}", peerName, link.session().id(), e);
        }
    }

    private void closeTheRest() {
        synchronized (closedAtDeadline) {
            if (!deadlinePassed.compareAndSet(false, true)) {
                return;
            }
            for (Link link : links) {
                if (!link.closedPosted().isDone() && link.session().isOpen()) {
                    closedAtDeadline.add(link);
                }
            }
        }
        PeerShell.log.info("peer '{}' drain deadline: closing {} session(s)", peerName, closedAtDeadline.size());
        for (Link link : closedAtDeadline) {
            link.close(true);
        }
    }

    private void finish() {
        int closed;
        synchronized (closedAtDeadline) {
            deadlinePassed.set(true);
            closed = closedAtDeadline.size();
        }
        DrainResult r = new DrainResult(links.size() - closed, closed);
        PeerShell.log.info("peer '{}' drained: {} session(s) left, {} closed at the deadline", peerName, r.left(),
                r.closed());
        result.complete(r);
    }
}
