package io.cellnet;

import io.cellnet.observe.QueueObserver;

/**
 * A timed task or callback of an observed {@link DefaultEventQueue}, stamped when posted: it reports
 * the time from post to run and its run time to the queue's observer. Only observed queues make
 * them, for one task in the observer's {@linkplain QueueObserver#timingInterval() interval}.
 *
 * <p>Thread safety: made on the posting thread, run once on the queue's thread.
 */
final class ObservedTask implements Runnable, EventCallback {
    private final QueueObserver observer;
    private final Object task;
    private final long postedAt = System.nanoTime();

    ObservedTask(QueueObserver observer, Object task) {
        this.observer = observer;
        this.task = task;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        observer.started(start - postedAt);
        try {
            ((Runnable) task).run();
        } finally {
            observer.finished(System.nanoTime() - start);
        }
    }

    @Override
    public void onEvent(RecvMsgEvent event) {
        long start = System.nanoTime();
        observer.started(start - postedAt);
        try {
            ((EventCallback) task).onEvent(event);
        } finally {
            observer.finished(System.nanoTime() - start);
        }
    }
}
