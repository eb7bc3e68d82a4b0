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
    }

    void progress(int done, int importedMore, int duplicatesMore, int rejectedMore) {
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

    public String getId() { return id; }
    public String getFileName() { return fileName; }
    public String getMode() { return mode; }
    public String getStartedBy() { return startedBy; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public State getState() { return state; }
    public int getLinesTotal() { return linesTotal; }
    public int getLinesDone() { return linesDone; }
    public int getImported() { return imported; }
    public int getDuplicates() { return duplicates; }
    public int getRejected() { return rejected; }
    public String getFailure() { return failure; }
}
