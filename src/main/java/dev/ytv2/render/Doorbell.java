package dev.ytv2.render;

/** Wakes idle worker threads when work may have arrived; a ring while nobody waits is kept for the next wait. */
final class Doorbell {
    private boolean rung;

    synchronized void ring() {
        rung = true;
        notifyAll();
    }

    synchronized void await(long millis) throws InterruptedException {
        if (!rung) wait(millis);
        rung = false;
    }
}
