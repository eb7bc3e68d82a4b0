package dev.collectflow.ledger;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** One upload of a ledger file: its progress while it runs and its outcome. */
@Entity
public class LedgerImport {

    public enum State { RUNNING, DONE, FAILED }

    @Id
    private String id;
    private String fileName;
    private String mode;
    private String startedBy;
    private Instant startedAt;
    private Instant finishedAt;
    /** When the import last stored a batch. */
    private Instant progressedAt;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;
    private int linesTotal;
    private int linesDone;
    private int imported;
    private int duplicates;
    private int rejected;
    private String failure;

    protected LedgerImport() {
    }

    LedgerImport(String id, String fileName, String mode, String startedBy, Instant startedAt, int linesTotal) {
        this.id = id;
        this.fileName = fileName;
        this.mode = mode;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.state = State.RUNNING;
        this.linesTotal = linesTotal;
        this.progressedAt = startedAt;
    }

    void progress(int done, int importedMore, int duplicatesMore, int rejectedMore, Instant at) {
        progressedAt = at;
        linesDone += done;
        imported += importedMore;
        duplicates += duplicatesMore;
        rejected += rejectedMore;
    }

    void finish(Instant at) {
        state = State.DONE;
        finishedAt = at;
    }

    void fail(String why, Instant at) {
        state = State.FAILED;
        failure = why == null ? "unexpected failure" : why.length() > 2000 ? why.substring(0, 2000) : why;
        finishedAt = at;
    }

    /**
     * A running import that stored nothing since the cut-off was cut off with the node that ran it: what it stored
     * stays, and importing the file again is safe (lines already imported come back as duplicates).
     */
    boolean interruptIfStalled(Instant cutOff, Instant now) {
        if (state != State.RUNNING || progressedAt.isAfter(cutOff)) {
            return false;
        }
        fail("interrupted: nothing stored since " + progressedAt + " (the application stopped while importing); "
                + linesDone + " of " + linesTotal + " lines are stored. Import the file again: lines already imported"
                + " come back as duplicates", now);
        return true;
    }

    public String getId() { return id; }
    public String getFileName() { return fileName; }
    public String getMode() { return mode; }
    public String getStartedBy() { return startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Instant getProgressedAt() { return progressedAt; }
    public State getState() { return state; }
    public int getLinesTotal() { return linesTotal; }
    public int getLinesDone() { return linesDone; }
    public int getImported() { return imported; }
    public int getDuplicates() { return duplicates; }
    public int getRejected() { return rejected; }
    public String getFailure() { return failure; }
}
