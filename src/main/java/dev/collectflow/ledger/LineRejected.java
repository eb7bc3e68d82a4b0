package dev.collectflow.ledger;

/** A line that cannot be imported, and why (the reason names the field). */
class LineRejected extends RuntimeException {

    LineRejected(String reason) {
        super(reason, null, false, false);
    }
}
